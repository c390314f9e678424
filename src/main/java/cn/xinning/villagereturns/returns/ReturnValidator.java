package cn.xinning.villagereturns.returns;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.returns.CheckedReturn.Value;
import cn.xinning.villagereturns.returns.ReturnDraft.Cell;
import cn.xinning.villagereturns.returns.ReturnDraft.ValueCell;
import cn.xinning.villagereturns.support.Numbers;
import cn.xinning.villagereturns.support.Text;
import cn.xinning.villagereturns.validation.Problem;
import cn.xinning.villagereturns.validation.RuleCode;
import cn.xinning.villagereturns.validation.Severity;

/** The return-level rules of spec section 4, applied to one return. */
public final class ReturnValidator {

	static final String ISSUES_RAISED = "ISSUES_RAISED";

	static final String ISSUES_RESOLVED_VILLAGE = "ISSUES_RESOLVED_VILLAGE";

	static final String ISSUES_ESCALATED = "ISSUES_ESCALATED";

	private final ValidationContext context;

	public ReturnValidator(ValidationContext context) {
		this.context = context;
	}

	/** Checks a return whose file has every indicator column a return needs. */
	public CheckedReturn check(ReturnDraft draft) {
		return check(draft, Set.of());
	}

	/**
	 * @param draft the return as read
	 * @param absentColumns required indicators whose column the (wide) file lacks: that
	 * is reported once for the file, not again for every return
	 */
	public CheckedReturn check(ReturnDraft draft, Set<String> absentColumns) {
		List<Problem> problems = new ArrayList<>();
		String code = VillageCodes.normalize(draft.village().raw());
		Optional<YearMonth> period = Periods.parse(draft.period().raw());
		Optional<Village> village = checkVillage(draft.village(), code, period, problems);
		checkPeriod(draft.period(), period, problems);
		Map<String, Checked> values = checkValues(draft, village, problems);
		checkRequired(draft, values, absentColumns, problems);
		Map<String, Checked> numbers = new HashMap<>();
		values.forEach((indicator, checked) -> {
			if (checked.number().isPresent()) {
				numbers.put(indicator, checked);
			}
		});
		checkIssues(numbers, problems);
		checkWarnings(numbers, problems);
		problems.sort(Comparator.comparingInt(Problem::line));
		List<Value> accepted = this.context.catalogue()
			.all()
			.stream()
			.filter((indicator) -> numbers.containsKey(indicator.code()))
			.map((indicator) -> {
				Checked checked = numbers.get(indicator.code());
				return new Value(indicator, checked.number().get(), checked.cell().line(), checked.note());
			})
			.toList();
		return new CheckedReturn(draft.line(), code, period, Text.stripAll(draft.period().raw()), draft.villageName(),
				accepted, problems);
	}

	private Optional<Village> checkVillage(Cell cell, String code, Optional<YearMonth> period, List<Problem> problems) {
		String key = switch (VillageCodes.shape(code)) {
			case CODE -> null;
			case EMPTY -> "village.empty";
			case EXCEL_SCIENTIFIC -> "village.scientific";
			case EXCEL_DECIMAL -> "village.decimal";
			case WRONG_LENGTH -> "village.length";
			case NOT_A_CODE -> "village.notCode";
		};
		if (key != null) {
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_VILLAGE, key, code));
			return Optional.empty();
		}
		if (!this.context.registry().isKnown(code)) {
			problems.add(
					Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_VILLAGE, "village.unknown", code));
			return Optional.empty();
		}
		if (period.isEmpty()) {
			return this.context.registry().anyLine(code);
		}
		Optional<Village> valid = this.context.registry().validIn(code, period.get());
		if (valid.isEmpty()) {
			Village any = this.context.registry().anyLine(code).orElseThrow();
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_VILLAGE, "village.notValid",
					code, any.name(), period.get().toString(), any.validity()));
		}
		return valid;
	}

	private void checkPeriod(Cell cell, Optional<YearMonth> period, List<Problem> problems) {
		String written = Text.stripAll(cell.raw());
		if (period.isEmpty() && Periods.isAmbiguous(written)) {
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_PERIOD, "period.ambiguous",
					written, Text.normalize(written).substring(0, 4)));
		}
		else if (period.isEmpty()) {
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_PERIOD,
					written.isEmpty() ? "period.empty" : "period.unreadable", written));
		}
		else if (period.get().isAfter(this.context.businessMonth())) {
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_PERIOD, "period.future",
					period.get().toString(), this.context.businessMonth().toString()));
		}
		else if (period.get().isBefore(this.context.reportingStart())) {
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_PERIOD, "period.beforeStart",
					period.get().toString(), this.context.reportingStart().toString()));
		}
	}

	/**
	 * A value cell after its own rules.
	 *
	 * @param indicator its indicator
	 * @param cell where it is
	 * @param number the number, when the cell is a valid number (bounds aside)
	 * @param missing the cell says "not reported"
	 * @param note the note of its row
	 */
	private record Checked(Indicator indicator, Cell cell, Optional<BigDecimal> number, boolean missing, String note) {
	}

	private Map<String, Checked> checkValues(ReturnDraft draft, Optional<Village> village, List<Problem> problems) {
		Map<String, Checked> values = new LinkedHashMap<>();
		for (ValueCell valueCell : draft.values()) {
			Cell indicatorCell = valueCell.indicator();
			String indicatorText = Text.stripAll(indicatorCell.raw());
			if (indicatorText.isEmpty()) {
				problems.add(Problem.error(indicatorCell.line(), indicatorCell.column(), indicatorCell.raw(),
						RuleCode.V_INDICATOR, "indicator.empty"));
				continue;
			}
			Optional<Indicator> found = this.context.catalogue().byCodeOrName(indicatorText);
			if (found.isEmpty()) {
				problems.add(Problem.error(indicatorCell.line(), indicatorCell.column(), indicatorCell.raw(),
						RuleCode.V_INDICATOR, "indicator.unknown", indicatorText));
				continue;
			}
			Indicator indicator = found.get();
			if (values.containsKey(indicator.code())) {
				problems.add(Problem.error(indicatorCell.line(), indicatorCell.column(), indicatorCell.raw(),
						RuleCode.V_DUPLICATE, "duplicate.indicator", indicator.label(),
						String.valueOf(values.get(indicator.code()).cell().line())));
				continue;
			}
			values.put(indicator.code(), checkValue(indicator, valueCell, village, problems));
		}
		return values;
	}

	private Checked checkValue(Indicator indicator, ValueCell valueCell, Optional<Village> village,
			List<Problem> problems) {
		Cell cell = valueCell.value();
		String written = Text.stripAll(cell.raw());
		CellValue value = CellValue.of(cell.raw());
		if (value instanceof CellValue.Missing) {
			return new Checked(indicator, cell, Optional.empty(), true, valueCell.note());
		}
		if (!(value instanceof CellValue.Number number)) {
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_NUMBER, "number.notANumber",
					written, indicator.label()));
			return new Checked(indicator, cell, Optional.empty(), false, valueCell.note());
		}
		BigDecimal amount = number.value();
		String key = null;
		if (amount.signum() < 0) {
			key = "number.negative";
		}
		// decimals are counted as written: 1.250 is three (a European thousands
		// separator, perhaps), never the two of 1.25; 12.00 from a number format is whole
		else if (indicator.valueType() == Indicator.ValueType.INTEGER
				&& (!Numbers.isWhole(amount) || amount.scale() > 2)) {
			key = "number.notWhole";
		}
		else if (indicator.valueType() == Indicator.ValueType.DECIMAL && amount.scale() > 2) {
			key = "number.tooManyDecimals";
		}
		if (key != null) {
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_NUMBER, key, written,
					indicator.label()));
			return new Checked(indicator, cell, Optional.empty(), false, valueCell.note());
		}
		BigDecimal exact = Numbers.canonical(amount);
		if (indicator.max().isPresent() && exact.compareTo(indicator.max().get()) > 0) {
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_BOUND, "bound.max",
					indicator.label(), Numbers.format(exact), Numbers.format(indicator.max().get()),
					indicator.unitZh()));
		}
		else if (indicator.maxPerHousehold().isPresent() && village.isPresent()) {
			BigDecimal limit = indicator.maxPerHousehold()
				.get()
				.multiply(BigDecimal.valueOf(village.get().households()));
			if (exact.compareTo(limit) > 0) {
				problems
					.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_BOUND, "bound.perHousehold",
							indicator.label(), Numbers.format(exact), Numbers.format(indicator.maxPerHousehold().get()),
							String.valueOf(village.get().households()), Numbers.format(limit)));
			}
		}
		return new Checked(indicator, cell, Optional.of(exact), false, valueCell.note());
	}

	private void checkRequired(ReturnDraft draft, Map<String, Checked> values, Set<String> absentColumns,
			List<Problem> problems) {
		for (Indicator indicator : this.context.catalogue().all()) {
			if (!indicator.required() || absentColumns.contains(indicator.code())) {
				continue;
			}
			Checked checked = values.get(indicator.code());
			if (checked == null) {
				problems.add(Problem.error(draft.line(), indicator.code(), "", RuleCode.V_REQUIRED, "required.absent",
						indicator.label()));
			}
			else if (checked.missing()) {
				Cell cell = checked.cell();
				problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_REQUIRED,
						"required.missing", indicator.label(), Text.stripAll(cell.raw())));
			}
		}
	}

	private void checkIssues(Map<String, Checked> numbers, List<Problem> problems) {
		Checked raised = numbers.get(ISSUES_RAISED);
		Checked resolved = numbers.get(ISSUES_RESOLVED_VILLAGE);
		Checked escalated = numbers.get(ISSUES_ESCALATED);
		if (raised == null || resolved == null || escalated == null) {
			return;
		}
		BigDecimal handled = resolved.number().get().add(escalated.number().get());
		if (handled.compareTo(raised.number().get()) > 0) {
			Cell cell = raised.cell();
			problems.add(Problem.error(cell.line(), cell.column(), cell.raw(), RuleCode.V_ISSUES, "issues.sum",
					Numbers.format(raised.number().get()), Numbers.format(resolved.number().get()),
					Numbers.format(escalated.number().get()), Numbers.format(handled)));
		}
	}

	private void checkWarnings(Map<String, Checked> numbers, List<Problem> problems) {
		WarningRule.judge(List.of(WarningRule.values()), (code) -> {
			Checked checked = numbers.get(code);
			return (checked != null) ? checked.number().get() : null;
		}, this.context.rules(), (breach) -> {
			Cell cell = numbers.get(breach.rule().indicator()).cell();
			problems.add(new Problem(cell.line(), cell.column(), cell.raw(), breach.rule().code(), Severity.WARNING,
					breach.rule().warningKey(), breach.arguments()));
		});
	}

}

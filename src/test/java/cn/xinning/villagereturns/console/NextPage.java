package cn.xinning.villagereturns.console;

import java.time.Duration;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Clicks something that navigates and waits until the next page has replaced this one.
 *
 * <p>
 * Selenium's {@code stalenessOf} asks the old element whether it is enabled and counts
 * only a {@code StaleElementReferenceException} as "gone". Chromium 156 sometimes answers
 * a question about a node of a document being torn down with "unhandled inspector error:
 * Node with given id does not belong to the document" instead, which failed a CI run. So
 * the old document is marked with a script variable before the click, and the wait is for
 * a loaded document without the mark, ignoring whatever the browser says while it is
 * between two documents.
 */
final class NextPage {

	private NextPage() {
	}

	static void afterClicking(WebDriver browser, WebElement target, Duration timeout) {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript("window.__vrLeaving = true;");
		target.click();
		new WebDriverWait(browser, timeout).ignoring(WebDriverException.class)
			.until((driver) -> Boolean.TRUE.equals(
					script.executeScript("return window.__vrLeaving !== true && document.readyState === 'complete';")));
	}

}

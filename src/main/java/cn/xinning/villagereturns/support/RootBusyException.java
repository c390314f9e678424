package cn.xinning.villagereturns.support;

/** Another live process is working on this root and database; nothing was done. */
public class RootBusyException extends RuntimeException {

	private final transient ProcessLock.Holder holder;

	public RootBusyException(ProcessLock.Holder holder) {
		super("另一个进程正在处理（" + holder.owner() + holder.runId().map((id) -> "，第 " + id + " 次运行").orElse("") + "，自 "
				+ holder.since() + " 起），本次未做任何处理。/ Another process (" + holder.owner()
				+ holder.runId().map((id) -> ", run " + id).orElse("") + ", since " + holder.since()
				+ ") is working on this root; nothing was done.");
		this.holder = holder;
	}

	public ProcessLock.Holder holder() {
		return this.holder;
	}

}

package cn.xinning.villagereturns.console.web;

/**
 * A page of a list: every list of the console is paged and filtered in SQL.
 *
 * @param page page number, from 1
 * @param size rows per page
 * @param total rows matching
 */
public record Paging(int page, int size, long total) {

	public static final int SIZE = 50;

	public static Paging of(Integer page, long total) {
		return new Paging((page == null || page < 1) ? 1 : page, SIZE, total);
	}

	public static int offset(Integer page) {
		return (((page == null || page < 1) ? 1 : page) - 1) * SIZE;
	}

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < pages();
	}

}

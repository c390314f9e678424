package cn.xinning.villagereturns.validation;

/**
 * ERROR rejects the return (or, at file level, the whole file); WARNING only raises a
 * flag.
 */
public enum Severity {

	ERROR, WARNING

}

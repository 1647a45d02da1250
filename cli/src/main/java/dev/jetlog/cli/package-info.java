/** The {@code jetlog} command-line runner, packaged as the runnable {@code cli/target/jetlog.jar}. */
package dev.jetlog.cli;

package dev.softmaxexplorer.site;

/** Something that runs a script in the page, as WebDriver's Execute Script does: a function body reading {@code arguments}. */
interface Scripting {
    Object script(String code, Object... args);
}

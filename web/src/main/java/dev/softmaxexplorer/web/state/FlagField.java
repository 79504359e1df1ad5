package dev.softmaxexplorer.web.state;

/** An on/off option, off by default: written "1" in the link when on; a bare key means on. */
public final class FlagField extends ScalarField<Boolean> {
    private final Message label;

    FlagField(String key, String name, Group group, String labelKey) {
        super(key, name, group);
        this.label = new Message(labelKey);
    }

    @Override
    Boolean initial() {
        return Boolean.FALSE;
    }

    @Override
    String refusal(Boolean value, State others) {
        return null;
    }

    @Override
    public ParseResult<Boolean> parse(String text, State context) {
        return InputParser.flag(text, label);
    }

    @Override
    ParseResult<Boolean> bare(State context) {
        return ParseResult.of(Boolean.TRUE);
    }

    @Override
    String linkText(Boolean value) {
        return value ? "1" : null;
    }
}

package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.SamplerChain.Step;
import dev.softmaxexplorer.web.text.Split;

/**
 * The sampler chain's order and which steps are on ({@link SamplerOrder}). Refused: a key that
 * names no step, a step named twice, and a chain with every step off; a step the text leaves out
 * joins at the end, off.
 */
public final class ChainField extends ScalarField<SamplerOrder> {

    ChainField(String key, String name, Group group) {
        super(key, name, group);
    }

    @Override
    SamplerOrder initial() {
        return SamplerOrder.HUGGING_FACE;
    }

    @Override
    String refusal(SamplerOrder value, State others) {
        return value.running().length == 0 ? name() + " must have at least one step on" : null;
    }

    @Override
    public ParseResult<SamplerOrder> parse(String text, State context) {
        Step[] steps = new Step[Step.values().length];
        boolean[] on = new boolean[steps.length];
        boolean[] seen = new boolean[steps.length];
        int count = 0;
        for (String part : Split.at(text, ',')) {
            String item = InputParser.lowerCaseKey(part.trim());
            if (item.isEmpty()) {
                continue;
            }
            boolean off = item.startsWith("-");
            Step step = SamplerOrder.step(off ? item.substring(1) : item);
            if (step == null) {
                return ParseResult.rejected(new Message("input.chain.step", "keys", keys(), "text",
                        InputParser.quote(part.trim())));
            }
            if (seen[step.ordinal()]) {
                return ParseResult.rejected(new Message("input.chain.twice", "step", SamplerOrder.key(step)));
            }
            seen[step.ordinal()] = true;
            steps[count] = step;
            on[count] = !off;
            count++;
        }
        for (Step step : Step.values()) {
            if (!seen[step.ordinal()]) {
                steps[count++] = step;
            }
        }
        SamplerOrder order = new SamplerOrder(steps, on);
        if (order.running().length == 0) {
            return ParseResult.rejected(new Message("input.chain.none"));
        }
        return ParseResult.of(order);
    }

    private static String keys() {
        StringBuilder out = new StringBuilder();
        for (Step step : Step.values()) {
            out.append(out.length() == 0 ? "" : ", ").append(SamplerOrder.key(step));
        }
        return out.toString();
    }

    @Override
    String linkText(SamplerOrder value) {
        return value.equals(SamplerOrder.HUGGING_FACE) ? null : value.linkText();
    }
}

package dev.softmaxexplorer.web;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.view.ProbabilityChart;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/** Entry point of the page: wires the controls to one update path and draws once a frame. */
public final class Main {
    private static final String[] NAMES = {"Class 1", "Class 2", "Class 3"};
    private static final int TARGET = 0;

    private static final HTMLDocument DOCUMENT = Window.current().getDocument();
    private static final double[] logits = {2, 1, 0};
    private static double temperature = 1;
    private static boolean framePending;

    private Main() {
    }

    public static void main(String[] args) {
        HTMLElement container = DOCUMENT.getElementById("logits");
        for (int i = 0; i < logits.length; i++) {
            container.appendChild(logitControl(i));
        }
        HTMLInputElement temperatureField = input("temperature");
        temperatureField.onInput(e -> {
            double t = parse(temperatureField.getValue(), "Temperature T");
            if (!Double.isNaN(t)) {
                if (t > 0) {
                    temperature = t;
                    requestDraw();
                } else {
                    showMessage("Temperature T must be greater than 0.");
                }
            }
        });
        Window.current().addEventListener("resize", e -> requestDraw());
        requestDraw();
    }

    private static HTMLElement logitControl(int i) {
        String id = "z" + (i + 1);
        HTMLElement row = DOCUMENT.createElement("div").cast();
        row.setClassName("control");
        HTMLElement label = DOCUMENT.createElement("label").cast();
        label.setAttribute("for", id + "-slider");
        label.setTextContent("Logit z" + (i + 1) + " (" + NAMES[i] + ")");
        HTMLInputElement slider = DOCUMENT.createElement("input").cast();
        slider.setType("range");
        slider.setAttribute("id", id + "-slider");
        slider.setAttribute("min", "-10");
        slider.setAttribute("max", "10");
        slider.setAttribute("step", "0.01");
        slider.setValue(Format.shortest(logits[i]));
        HTMLInputElement field = DOCUMENT.createElement("input").cast();
        field.setType("text");
        field.setAttribute("id", id);
        field.setAttribute("inputmode", "decimal");
        field.setAttribute("autocomplete", "off");
        field.setAttribute("spellcheck", "false");
        field.setAttribute("aria-label", "Logit z" + (i + 1) + " (" + NAMES[i] + "), exact value");
        field.setValue(Format.shortest(logits[i]));
        slider.onInput(e -> {
            double z = Format.parse(slider.getValue());
            field.setValue(Format.shortest(z));
            setLogit(i, z);
        });
        field.onInput(e -> {
            double z = parse(field.getValue(), "Logit z" + (i + 1));
            if (!Double.isNaN(z)) {
                slider.setValue(Format.shortest(z));
                setLogit(i, z);
            }
        });
        row.appendChild(label);
        row.appendChild(slider);
        row.appendChild(field);
        return row;
    }

    private static void setLogit(int i, double z) {
        logits[i] = z;
        requestDraw();
    }

    /** The typed number, or NaN after telling the person what is wrong with the text. */
    private static double parse(String text, String what) {
        double value;
        try {
            value = Format.parse(text);
        } catch (NumberFormatException e) {
            showMessage(what + ": \"" + text.trim() + "\" is not a number.");
            return Double.NaN;
        }
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            showMessage(what + ": \"" + text.trim() + "\" is too large; type a finite number.");
            return Double.NaN;
        }
        showMessage("");
        return value;
    }

    private static void showMessage(String message) {
        DOCUMENT.getElementById("input-message").setTextContent(message);
    }

    private static void requestDraw() {
        if (!framePending) {
            framePending = true;
            Window.requestAnimationFrame(timestamp -> {
                framePending = false;
                draw();
            });
        }
    }

    private static void draw() {
        double[] p = Softmax.softmax(logits, temperature);
        double loss = Softmax.crossEntropy(logits, temperature, TARGET, 0);
        HTMLElement rows = DOCUMENT.getElementById("probability-rows");
        while (rows.getFirstChild() != null) {
            rows.removeChild(rows.getFirstChild());
        }
        for (int i = 0; i < p.length; i++) {
            HTMLElement row = DOCUMENT.createElement("tr").cast();
            row.appendChild(cell("th", NAMES[i]));
            row.appendChild(cell("td", Format.significant(logits[i], 6)));
            HTMLElement probability = cell("td", Format.significant(p[i], 6));
            probability.setAttribute("id", "p" + (i + 1));
            row.appendChild(probability);
            rows.appendChild(row);
        }
        DOCUMENT.getElementById("loss").setTextContent(Format.significant(loss, 6));
        HTMLCanvasElement canvas = DOCUMENT.getElementById("probability-chart").cast();
        ProbabilityChart.draw(canvas, NAMES, p, TARGET);
    }

    private static HTMLElement cell(String tag, String text) {
        HTMLElement cell = DOCUMENT.createElement(tag).cast();
        cell.setTextContent(text);
        return cell;
    }

    private static HTMLInputElement input(String id) {
        return DOCUMENT.getElementById(id).cast();
    }
}

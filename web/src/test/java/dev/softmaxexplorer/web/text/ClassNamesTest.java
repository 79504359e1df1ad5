package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.Language;
import dev.softmaxexplorer.web.state.Preset;
import dev.softmaxexplorer.web.state.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassNamesTest {

    @Test
    void englishDefaultNamesAreTheStatesOwn() {
        // The link writes a default name as an empty item, so English must word it exactly as State does.
        State state = State.defaults().with(Fields.CLASS_COUNT, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(State.defaultName(i), Tables.english().format(ClassNames.KEY, "n", Integer.toString(i + 1)));
        }
        assertSame(state, ClassNames.shown(state, Tables.english()));
    }

    @Test
    void japaneseShowsDefaultNamesInJapaneseAndTypedNamesAsTyped() {
        State state = State.defaults().with(Fields.CLASS_COUNT, 4).with(Fields.NAMES, 1, "cat").with(Fields.NAMES, 3, "Class 2")
                .with(Fields.TEMPERATURE, 0.5);
        State shown = ClassNames.shown(state, Tables.of(Language.JAPANESE));
        // Class 4 renamed "Class 2" is not a default name: only "Class 4" would be.
        assertEquals(List.of("クラス1", "cat", "クラス3", "Class 2"), shown.get(Fields.NAMES));
        assertEquals(state.with(Fields.NAMES, List.of("クラス1", "cat", "クラス3", "Class 2")), shown);
        // What the page shows is not what the link keeps.
        assertEquals("names=,cat,,Class%202", HashCodec.encode(state).replaceAll(".*(names=[^&]*).*", "$1"));
    }

    @Test
    void aPseudoLocaleWhoseWordsCannotBeANameKeepsTheStatesNames() {
        State state = State.defaults();
        // ar-XB wraps English in direction marks, which a class name may not hold.
        assertSame(state, ClassNames.shown(state, Tables.of(Language.PSEUDO_RIGHT_TO_LEFT)));
    }

    @Test
    void anExampleWithNamesOfItsOwnGetsThemInThePagesLanguage() {
        State state = State.defaults().with(Fields.TEMPERATURE, 2.0);
        assertEquals(List.of("猫", "犬", "鳥"),
                ClassNames.withPreset(state, Preset.CAT_DOG_BIRD, Tables.of(Language.JAPANESE)).get(Fields.NAMES));
        assertEquals(Preset.CAT_DOG_BIRD.appliedTo(state),
                ClassNames.withPreset(state, Preset.CAT_DOG_BIRD, Tables.english()));
        assertEquals(Preset.CAT_DOG_BIRD.appliedTo(state).with(Fields.NAMES, List.of("猫", "犬", "鳥")),
                ClassNames.withPreset(state, Preset.CAT_DOG_BIRD, Tables.of(Language.JAPANESE)));
        // Examples without names keep the default names, which the page words itself.
        assertEquals(Preset.CLOSE_CALL.appliedTo(state),
                ClassNames.withPreset(state, Preset.CLOSE_CALL, Tables.of(Language.JAPANESE)));
    }

    @Test
    void aListThatIsNotOneValidNamePerClassKeepsTheEnglishNames() {
        State state = State.defaults();
        // en-XA doubles the list ("cat, dog, birdcat, dog, bird": five items); ar-XB marks direction.
        for (Language pseudo : new Language[] {Language.PSEUDO_LONG, Language.PSEUDO_RIGHT_TO_LEFT}) {
            assertEquals(Preset.CAT_DOG_BIRD.appliedTo(state),
                    ClassNames.withPreset(state, Preset.CAT_DOG_BIRD, Tables.of(pseudo)), pseudo.key());
        }
    }
}

package dev.softmaxexplorer.web.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {
    @ParameterizedTest
    @CsvSource({"ja, JAPANESE", "JA, JAPANESE", "ja-JP, JAPANESE", "en, ENGLISH", "en-GB, ENGLISH",
            "en-XA, PSEUDO_LONG", "ar-xb, PSEUDO_RIGHT_TO_LEFT", "fr, ENGLISH", "ar, ENGLISH", "auto, ENGLISH",
            "'', ENGLISH", "%E6%97%A5, ENGLISH"})
    void aLinkNamesALanguageOrGetsEnglish(String text, Language expected) {
        assertEquals(expected, Language.fromLink(text));
    }

    @ParameterizedTest
    @CsvSource({"ja-JP, JAPANESE", "ja, JAPANESE", "en-US, ENGLISH", "de-DE, ENGLISH", "en-XA, ENGLISH"})
    void theBrowsersLanguageIsShownWhenThePageHasIt(String tag, Language expected) {
        assertEquals(expected, Language.forBrowser(tag));
        assertEquals(expected, Language.AUTO.resolve(tag));
    }

    @ParameterizedTest
    @CsvSource({"ja, lang=ja", "en, lang=en", "xx, lang=en"})
    void aChosenLanguageIsInTheLinkAndTheBrowsersIsNot(String chosen, String hash) {
        assertEquals("", HashCodec.encode(State.defaults()));
        State state = State.defaults().with(Fields.LANGUAGE, Language.fromLink(chosen));
        assertEquals(hash, HashCodec.encode(state));
        assertEquals(state, HashCodec.decode(hash).state());
    }

    @Test
    void thePseudoLocalesAndTheAutomaticChoiceComeBackFromTheirLinks() {
        for (Language language : Language.values()) {
            State state = State.defaults().with(Fields.LANGUAGE, language);
            assertEquals(state, HashCodec.decode(HashCodec.encode(state)).state(), language.key());
        }
        assertEquals(Language.AUTO, HashCodec.decode("").state().get(Fields.LANGUAGE));
        assertEquals(0, HashCodec.decode("lang=xx").notices().size());
        assertEquals(Language.ENGLISH.resolve(null), Language.AUTO.resolve(null));
    }
}

package dev.switchboard.model.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.contact.Channel;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void theContentHashIgnoresIdNameAndVersionButNotContent() {
        Template t = Template.email("a", "Name", "Subj", "Text", "<p>Html</p>");
        assertThat(t.contentHash()).matches("[0-9a-f]{64}");
        assertThat(new Template("b", Channel.EMAIL, "Other", "Subj", "Text", "<p>Html</p>", 7).contentHash())
                .isEqualTo(t.contentHash());
        assertThat(t.withContent("Subj", "Text ", "<p>Html</p>").contentHash()).isNotEqualTo(t.contentHash());
        assertThat(t.withContent("Subj", "Text", null).contentHash()).isNotEqualTo(t.contentHash());
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        Template a = Template.email("a", "N", "ab", "c", null);
        Template b = Template.email("a", "N", "a", "bc", null);
        assertThat(a.contentHash()).isNotEqualTo(b.contentHash());
    }

    @Test
    void onlyEmailHasSubjectAndHtml() {
        assertThatThrownBy(() -> new Template("x", Channel.SMS, "N", "subject", "t", null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Template("x", Channel.EMAIL, "N", null, "t", null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Template("x", Channel.SMS, "N", null, "t", null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

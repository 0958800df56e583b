package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.console.campaigns.NewCampaignViewModel.Field;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.model.compliance.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The New campaign form: field messages, Create enabled only when valid, the service's refusal by field. */
class NewCampaignViewModelTest {
    private final FakeCampaignBackend backend = new FakeCampaignBackend();
    private final List<String> created = new ArrayList<>();
    private NewCampaignViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new NewCampaignViewModel(backend, TestTaskRunner.immediate(), null, created::add);
        vm.load();
    }

    private void fillValid() {
        vm.nameProperty().set("Storm warning");
        vm.listProperty().set("Demo contacts");
        vm.sequenceProperty().set(vm.sequences().getFirst());
        vm.purposeProperty().set(Purpose.SERVICE);
        vm.smsFromProperty().set("+13177340100");
        vm.profileProperty().set("ada");
        vm.passwordProperty().set("pw");
    }

    private String message(Field f) {
        return vm.messageProperty(f).get();
    }

    @Test
    void createIsDisabledUntilEveryFieldIsValidAndMessagesWaitForAnEdit() {
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(message(Field.NAME)).as("no message before the field is edited").isNull();
        assertThat(vm.lists()).containsExactly("Demo contacts", "Renewals");

        vm.nameProperty().set("-bad");
        assertThat(message(Field.NAME)).startsWith("1–100 letters");

        fillValid();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(Field.values()).allMatch(f -> message(f) == null);
    }

    @Test
    void theSendersAreRequiredByTheChannelsOfTheChosenVersion() {
        fillValid();
        vm.smsFromProperty().set("");
        assertThat(message(Field.SMS_FROM)).isEqualTo("The sequence sends SMS: give the sending number");
        vm.smsFromProperty().set("317-555-0100");
        assertThat(message(Field.SMS_FROM)).isEqualTo("A number in E.164, e.g. +13175550100");
        vm.smsFromProperty().set("+13177340100");

        vm.sequenceProperty().set(vm.sequences().get(1));
        assertThat(vm.versionProperty().get()).as("the newest version is picked").isEqualTo(2);
        assertThat(vm.versions()).containsExactly(2, 1);
        assertThat(message(Field.EMAIL_FROM)).isEqualTo("The sequence sends email: give the from address");
        assertThat(vm.validProperty().get()).isFalse();
        vm.versionProperty().set(1);
        assertThat(message(Field.EMAIL_FROM)).isNull();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void variablesAreNameEqualsValueLines() {
        fillValid();
        vm.variablesProperty().set("company_name=Switchboard Energy\nstatus link");
        assertThat(message(Field.VARIABLES)).isEqualTo("Line 2: write name=value");
        vm.variablesProperty().set("company_name=Switchboard Energy\n\nstatus_link = https://status.example.com");
        assertThat(message(Field.VARIABLES)).isNull();

        vm.create();
        assertThat(backend.actions).singleElement().asString()
                .contains("company_name=Switchboard Energy").contains("status_link=https://status.example.com");
        assertThat(created).containsExactly("Storm warning");
        assertThat(vm.doneProperty().get()).isEqualTo("Storm warning");
    }

    @Test
    void theServicesRefusalIsShownNextToTheFieldItNames() {
        fillValid();
        backend.createRefusal = new CampaignService.CampaignException("Cannot create the campaign: name: a campaign"
                + " named \"Storm warning\" exists already; template sms-1 (step notify): not in the store.");

        vm.create();

        assertThat(message(Field.NAME)).isEqualTo("A campaign named \"Storm warning\" exists already");
        assertThat(vm.formErrorProperty().get()).isEqualTo("Cannot create the campaign: template sms-1 (step"
                + " notify): not in the store.");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(created).isEmpty();

        vm.nameProperty().set("Storm warning 2");
        assertThat(message(Field.NAME)).isNull();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void aWrongPasswordIsShownAtTheProfile() {
        fillValid();
        vm.passwordProperty().set("nope");

        vm.create();

        assertThat(message(Field.PROFILE)).contains("wrong password");
        assertThat(created).isEmpty();
    }
}

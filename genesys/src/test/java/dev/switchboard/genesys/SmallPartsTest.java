package dev.switchboard.genesys;

import dev.switchboard.model.redact.LogMask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void everyRegionDerivesItsHosts() {
        assertThat(GenesysRegion.values()).hasSize(18);
        assertThat(GenesysRegion.fromName("eu-west-1").apiBase()).isEqualTo(URI.create("https://api.mypurecloud.ie"));
        assertThat(GenesysRegion.fromName("us_east_2").loginBase())
                .isEqualTo(URI.create("https://login.use2.us-gov-pure.cloud"));
        assertThat(GenesysRegion.AP_SOUTHEAST_2.endpoint().tokenUri())
                .isEqualTo(URI.create("https://login.mypurecloud.com.au/oauth/token"));
        assertThatThrownBy(() -> GenesysRegion.fromName("mars_1")).hasMessageContaining("us_east_1");
    }

    @Test
    void explicitEndpointsForTheSandbox() {
        var e = GenesysEndpoint.of("http://127.0.0.1:8080/", "http://127.0.0.1:8080/login");
        assertThat(e.apiBase()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(e.tokenUri()).isEqualTo(URI.create("http://127.0.0.1:8080/login/oauth/token"));
    }

    @Test
    void credentialsHideTheSecret() {
        var c = new GenesysCredentials("abc", "very-secret".toCharArray());
        assertThat(c.toString()).contains("abc").doesNotContain("very-secret");
        assertThat(c.basicAuthorization()).isEqualTo("Basic YWJjOnZlcnktc2VjcmV0");
    }

    @Test
    void logMaskKeepsLastFourDigitsAndEmailDomains() {
        assertThat(LogMask.phone("+13175551234")).isEqualTo("*******1234");
        assertThat(LogMask.email("jane.doe@example.com")).isEqualTo("***@example.com");
        assertThat(LogMask.text("to +1 317 555 1234 and jane@x.org failed"))
                .isEqualTo("to *******1234 and ***@x.org failed");
    }

    @Test
    void retryPolicyDoublesUpToEightSecondsWithJitterInBounds() {
        var policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), new Random(1));
        for (int i = 0; i < 6; i++) {
            Duration nominal = policy.nominal(i);
            assertThat(nominal).isEqualTo(Duration.ofSeconds(Math.min(8, 1L << i)));
            for (int k = 0; k < 100; k++) {
                assertThat(policy.delay(i)).isBetween(nominal.dividedBy(2), nominal);
            }
        }
    }

    @Test
    void exportCsvValuesSkipTheHeader() {
        assertThat(new Dnc.Export("u", "t", "\"Number\"\r\n\"+13175551234\"\r\n\r\n+13175550000,x\n").values())
                .containsExactly("+13175551234", "+13175550000");
        assertThat(new Dnc.Export("u", "t", "a@b.org\n").values()).containsExactly("a@b.org");
    }

    record CampaignBody(String campaignStatus) {
    }

    @Test
    void framesAreClassifiedAndDeduplicatedInABoundedLru() {
        var event = NotificationFrame.parse("{\"topicName\":\"v2.outbound.campaigns.k\",\"version\":\"2\","
                + "\"eventBody\":{\"campaignStatus\":\"on\",\"x\":1},\"metadata\":{\"CorrelationId\":\"c-1\"}}");
        assertThat(event.kind()).isEqualTo(NotificationFrame.Kind.EVENT);
        assertThat(event.event().correlationId()).isEqualTo("c-1");
        assertThat(event.event().eventBodyAs(CampaignBody.class).campaignStatus()).isEqualTo("on");
        assertThat(NotificationFrame.parse("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":"
                + "\"pong\"}}").kind()).isEqualTo(NotificationFrame.Kind.METADATA);
        assertThat(NotificationFrame.parse("{\"topicName\":\"v2.system.socket_closing\",\"eventBody\":{}}").kind())
                .isEqualTo(NotificationFrame.Kind.SOCKET_CLOSING);
        assertThat(NotificationFrame.parse("nope").kind()).isEqualTo(NotificationFrame.Kind.UNREADABLE);

        var seen = new NotificationFrame.Seen(2);
        assertThat(seen.firstTime("a")).isTrue();
        assertThat(seen.firstTime("a")).isFalse();
        assertThat(seen.firstTime("b")).isTrue();
        assertThat(seen.firstTime("c")).isTrue();
        assertThat(seen.firstTime("a")).as("evicted from the bounded LRU").isTrue();
        assertThat(seen.firstTime(null)).isTrue();
    }
}

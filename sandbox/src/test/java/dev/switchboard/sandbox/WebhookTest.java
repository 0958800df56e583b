package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

class WebhookTest {

    @Test
    void bouncesArePostedToTheWebhookNotExposedByTheApi() throws Exception {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/esp", exchange -> {
            received.add(Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/esp");
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withSeed(5).withWebhookUrl(hook))) {
            World world = new World(5);
            String bounce = null;
            for (int i = 0; i < 1000 && bounce == null; i++) {
                String a = "person" + i + "@example.com";
                if (world.emailFate(a) == World.EmailFate.BOUNCE) {
                    bounce = a;
                }
            }
            Api api = new Api(s).login();
            Api.Reply sent = api.post("/api/v2/conversations/emails/agentless", Api.json("{'senderType':'Outbound',"
                    + "'fromAddress':{'email':'news@example.com'},'toAddresses':[{'email':'" + bounce + "'}],"
                    + "'subject':'Hello','textBody':'Body'}"));
            assertThat(sent.status()).isEqualTo(200);
            String conversationId = Json.text(sent.body(), "conversationId");
            s.clock().advance(Duration.ofMinutes(5));
            s.tick();
            JsonNode hookBody = received.poll(5, TimeUnit.SECONDS);
            assertThat(hookBody).isNotNull();
            assertThat(Json.text(hookBody, "type")).isEqualTo("bounce");
            assertThat(Json.text(hookBody, "email")).isEqualTo(bounce);
            assertThat(Json.text(hookBody, "messageId")).isEqualTo(Json.text(sent.body(), "id"));
            Api.Reply conv = api.get("/api/v2/conversations/emails/" + conversationId);
            assertThat(conv.status()).isEqualTo(200);
            assertThat(conv.text()).doesNotContain("bounce");
            assertThat(api.get("/api/v2/conversations/emails/" + conversationId + "/messages").text())
                    .contains("Hello");
            assertThat(s.ledger()).singleElement().satisfies(e -> assertThat(e.channel()).isEqualTo("email"));
        } finally {
            receiver.stop(0);
        }
    }
}

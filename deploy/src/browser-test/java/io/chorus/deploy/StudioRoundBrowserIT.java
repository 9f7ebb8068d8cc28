package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chorus.client.coding.api.DoubleCodingApi;
import io.chorus.client.coding.model.CodingView;
import io.chorus.client.coding.model.ConsensusView;
import io.chorus.client.coding.model.MyAssignment;
import io.chorus.client.coding.model.RoundView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two analysts code a blind round in Studio; one closes it, reads the agreement, steps to the disagreement and writes the consensus. */
class StudioRoundBrowserIT extends StudioBrowserTest {

    @Test
    void twoAnalystsCodeABlindRoundTheAgreementIsShownAndAConsensusIsWritten() throws Exception {
        String analyst = client.userToken("analyst");
        CodableTranscript transcript = CodableTranscript.release(client, "Studio round");
        DoubleCodingApi rounds = Api.coding(DoubleCodingApi::new, analyst);
        String studio = EmbeddedPlatform.settings().studioUrl();

        // the analyst starts the round in Studio; a coder who may not code the transcript is refused at the coders' field
        Page first = browser.signedIn(studio, "/#/rounds", "analyst");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a round…")).click();
        first.getByLabel("Name").fill("Studio round " + transcript.study().code());
        first.getByLabel("Codebook").selectOption(transcript.codebook().getId().toString());
        first.getByLabel("Coders, separated by commas").fill("analyst, translator-a");
        first.getByLabel("Study of the transcripts").fill(transcript.study().code());
        first.getByLabel("Study of the transcripts").press("Tab");
        assertThat(first.getByText("Transcripts (1 of 1)")).isVisible();
        assertEquals(List.of(), StudioBrowser.seriousViolations(first), "axe-core on starting a round");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the round")).click();
        assertThat(first.getByRole(AriaRole.ALERT)).containsText("translator-a");
        assertThat(first.getByLabel("Coders, separated by commas")).hasAttribute("aria-invalid", "true");
        first.getByLabel("Coders, separated by commas").fill("analyst, analyst-b");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the round")).click();
        first.waitForURL(java.util.regex.Pattern.compile(".*#/rounds/[0-9a-f-]{36}$"));
        UUID roundId = UUID.fromString(first.url().substring(first.url().lastIndexOf('/') + 1));
        RoundView round = rounds.getRound(roundId);
        assertEquals(true, round.getIndependent());
        assertEquals(List.of("analyst", "analyst-b"), round.getAssignments().get(0).getCoders());

        // analyst-b finds the transcript among their assignments, codes paragraph 1 with the first pinned code and marks it done
        Page second = browser.signedIn(studio, "/#/rounds", "analyst-b");
        second.getByTestId("my-assignment").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(transcript.externalId()))
                .getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
        assertThat(second.getByTestId("assignment")).containsText("your own codings here (0)");
        second.keyboard().press("1");
        assertThat(second.getByTestId("coding")).hasCount(1);
        assertThat(second.getByTestId("assignment")).containsText("(1)");
        second.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark done")).click();
        assertThat(second.getByTestId("assignment")).containsText("Done.");
        StudioBrowser.screenshot(second, "round-coder-done");
        MyAssignment done = Api.coding(DoubleCodingApi::new, client.userToken("analyst-b")).listMyAssignments().stream()
                .filter(a -> a.getRoundId().equals(round.getId())).findFirst().orElseThrow();
        assertNotNull(done.getDoneAt());
        assertEquals(1L, done.getCodings());

        // analyst codes paragraph 1 with the same code and paragraph 2 with the second, seeing only their own work
        first.navigate(studio + "/#/rounds/" + round.getId() + "/transcripts/" + transcript.id());
        assertThat(first.getByTestId("assignment")).containsText("(0)");
        assertThat(first.getByTestId("coding")).hasCount(0);
        first.keyboard().press("1");
        first.keyboard().press("ArrowDown");
        first.keyboard().press("2");
        assertThat(first.getByTestId("coding")).hasCount(2);
        assertEquals(List.of(), StudioBrowser.seriousViolations(first), "axe-core on coding in a round");

        first.navigate(studio + "/#/rounds/" + round.getId());
        assertThat(first.getByTestId("assignment-row")).containsText("1 of 2 (analyst-b)");
        assertThat(first.getByTestId("assignment-row")).containsText(transcript.externalId());
        first.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the round")).click();
        assertThat(first.getByTestId("per-code")).containsText(transcript.codable().get(0).getName());
        assertThat(first.getByTestId("pairwise")).containsText("analyst-b");
        assertThat(first.getByTestId("disagreement")).hasCount(1);
        assertThat(first.getByTestId("disagreement")).containsText(transcript.codable().get(1).getName());
        StudioBrowser.screenshot(first, "round-agreement");
        assertEquals(List.of(), StudioBrowser.seriousViolations(first), "axe-core on the agreement");

        first.getByTestId("disagreement").getByRole(com.microsoft.playwright.options.AriaRole.LINK).focus();
        first.keyboard().press("Enter");
        assertThat(first.getByTestId("coder-passage")).hasCount(3);
        first.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take every agreed coding")).click();
        assertThat(first.getByTestId("decision")).hasCount(1);
        first.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Take analyst's " + transcript.codable().get(1).getName() + " at ¶2")).click();
        first.getByLabel("Valence").selectOption("barrier");
        first.getByLabel("Decision note").fill("Trust built on lived experience is a barrier when it is missing");
        first.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the consensus (2)")).click();
        assertThat(first.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Consensus saved: 2 codings");
        StudioBrowser.screenshot(first, "round-consensus");
        assertEquals(List.of(), StudioBrowser.seriousViolations(first), "axe-core on the consensus");

        ConsensusView consensus = rounds.getConsensus(round.getId(), transcript.id());
        assertEquals("analyst", consensus.getDecidedBy());
        assertEquals(2, consensus.getCodings().size());
        CodingView decided = consensus.getCodings().stream().filter(c -> c.getFirstParagraph() == 2).findFirst().orElseThrow();
        assertEquals(transcript.codable().get(1).getId(), decided.getCodeId());
        assertEquals("barrier", decided.getValence());
        assertEquals("Trust built on lived experience is a barrier when it is missing", decided.getNote());
        assertEquals(1, decided.getBasedOn().size());
    }
}

package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chorus.client.coding.api.AssistantApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.model.AssistantCodeScore;
import io.chorus.client.coding.model.AssistantModel;
import io.chorus.client.coding.model.CodeView;
import io.chorus.client.coding.model.NewCoding;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The assistant's screen: an analyst picks a codebook, asks for a retraining, follows it until the new model is in, and
 * reads the per-code figures the service reports; in the workbench, t goes to the paragraph that would teach it most; a site
 * lead has no such screen.
 */
class StudioAssistantBrowserIT extends StudioBrowserTest {

    @Test
    void anAnalystRetrainsACodebooksAssistantAndReadsHowGoodItIs() throws Exception {
        CodableTranscript bu = CodableTranscript.release(client, "Studio assistant");
        String analystToken = client.userToken("analyst");
        CodeView code = bu.codable().get(0);
        Api.coding(CodingApi::new, analystToken).createCoding(bu.id(), new NewCoding().codeId(code.getId()).firstParagraph(1)
                .lastParagraph(1), null);

        Page analyst = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/assistant", "analyst");
        analyst.getByLabel("Codebook", new Page.GetByLabelOptions().setExact(true)).selectOption(bu.codebook().getId().toString());
        assertThat(analyst.getByTestId("assistant-state")).isVisible();
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retrain now")).click();
        assertThat(analyst.getByTestId("training")).containsText("Trained in",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(Duration.ofMinutes(3).toMillis()));

        // what the screen shows is what the service says
        AssistantModel model = Api.coding(AssistantApi::new, analystToken).getAssistantModel(bu.codebook().getId());
        AssistantCodeScore score = model.getEvaluation().getCodes().stream().filter(c -> c.getCodeId().equals(code.getId())).findFirst()
                .orElseThrow();
        assertThat(analyst.getByTestId("assistant-state")).containsText(model.getEvaluation().getCodings() + " codings");
        Locator row = analyst.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Per code")).getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText(code.getName()));
        assertThat(row.getByRole(AriaRole.CELL).first()).hasText(String.valueOf(score.getCodings()));
        assertEquals(List.of(), StudioBrowser.seriousViolations(analyst), "axe-core on the assistant's screen");
        StudioBrowser.screenshot(analyst, "assistant");

        // in the workbench, t goes to the paragraph the analyst has not coded that the assistant is least sure of
        analyst.navigate(EmbeddedPlatform.settings().studioUrl() + "/#/transcripts/" + bu.id());
        assertThat(analyst.locator(".paragraph")).hasCount(2);
        analyst.keyboard().press("t");
        assertThat(analyst.locator(".paragraph.focused")).containsText("BU 2");
        assertThat(analyst.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("least sure"))).containsText("Paragraph 2");

        Page lead = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts", "lead-bu");
        assertThat(lead.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Screens"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Assistant"))).hasCount(0);
    }
}

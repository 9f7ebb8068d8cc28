package io.chorus.transcript.config;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A batch's items are read one by one on the server (so that one bad item is refused alone), but each is a
 * TranscriptPush: the contract says so by reference, and generated clients get one type for both pushes.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class BatchItemsContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Schema batch = api.getComponents().getSchemas().get("Batch");
        if (batch != null && batch.getProperties().get("items") != null) {
            batch.getProperties().get("items").setItems(OASFactory.createSchema().ref("TranscriptPush"));
        }
        api.getComponents().removeSchema("JsonNode");
    }
}

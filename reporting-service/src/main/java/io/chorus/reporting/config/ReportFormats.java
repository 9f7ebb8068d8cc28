package io.chorus.reporting.config;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** A report's CSV, XLSX and SVG renderings are declared as what they are, a text or a file, not as the JSON Report. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ReportFormats implements OASFilter {

    private static final Map<String, String> FILES = Map.of("text/csv", "", "image/svg+xml", "",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "binary");

    /** Rows are maps from column key to a cell: a text, a number, or null when withheld or missing. */
    @Override
    public void filterOpenAPI(OpenAPI api) {
        Schema report = api.getComponents().getSchemas().get("Report");
        if (report == null) {
            return;
        }
        api.getComponents().addSchema("ReportCell", OASFactory.createSchema()
                .description("A text, a whole number or a decimal; a withheld or missing figure is null")
                .oneOf(List.of(OASFactory.createSchema().addType(Schema.SchemaType.STRING),
                        OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64"),
                        OASFactory.createSchema().addType(Schema.SchemaType.NUMBER).format("double"),
                        OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
        api.getComponents().addSchema("ReportRow", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Cells by column key").additionalPropertiesSchema(OASFactory.createSchema().ref("ReportCell")));
        report.getProperties().get("rows").setItems(OASFactory.createSchema().ref("ReportRow"));
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponse("200") == null
                || operation.getResponses().getAPIResponse("200").getContent() == null) {
            return operation;
        }
        Map<String, MediaType> types = operation.getResponses().getAPIResponse("200").getContent().getMediaTypes();
        FILES.forEach((type, format) -> {
            if (types.containsKey(type)) {
                Schema file = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
                types.get(type).setSchema(format.isEmpty() ? file : file.format(format));
            }
        });
        return operation;
    }
}

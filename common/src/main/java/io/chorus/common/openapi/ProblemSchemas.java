package io.chorus.common.openapi;

import io.chorus.common.problem.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/** The shared pieces of every document: the RFC 9457 problem and Keycloak's authorization-code flow. */
final class ProblemSchemas {

    private ProblemSchemas() {
    }

    static Schema problem() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; errors[] has a JSON pointer per bad field or parameter")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("A URI naming the kind of problem; about:blank when the status says it all"))
                .addProperty("title", string("The status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("What went wrong, for a person"))
                .addProperty("instance", string("The path of the request that was refused"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("FieldError")));
    }

    static Schema fieldError() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).required(List.of("pointer", "detail"))
                .addProperty("pointer", string("JSON pointer to the field in the body, or /<name> of a parameter"))
                .addProperty("detail", string("What is wrong with it"))
                .addProperty("parameter", string("The query, path or header parameter, when it was not a body field"));
    }

    static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    static SecurityScheme keycloak(String realmUrl) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak: browser apps and Swagger UI sign in with client chorus-frontend (authorization code "
                        + "with PKCE); partner systems use the client-credentials grant of their own client")
                .flows(OASFactory.createOAuthFlows().authorizationCode(OASFactory.createOAuthFlow()
                        .authorizationUrl(realmUrl + "/protocol/openid-connect/auth")
                        .tokenUrl(realmUrl + "/protocol/openid-connect/token")
                        .refreshUrl(realmUrl + "/protocol/openid-connect/token")
                        .addScope("openid", "Sign in")));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}

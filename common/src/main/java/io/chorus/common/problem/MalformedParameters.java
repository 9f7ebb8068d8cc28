package io.chorus.common.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Names the request parameter behind a conversion failure or a constraint violation, as the client wrote it. */
final class MalformedParameters {

    private MalformedParameters() {
    }

    record Declared(String name, Class<?> type, boolean query) {
    }

    /** The first query or path parameter of the resource method whose value does not convert to its type. */
    static String find(Method method, UriInfo uri) {
        List<Declared> declared = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        declaration(field, field.getType()).ifPresent(declared::add);
                    }
                }
            } else {
                declaration(parameter, parameter.getType()).ifPresent(declared::add);
            }
        }
        for (Declared parameter : declared) {
            List<String> values = parameter.query() ? uri.getQueryParameters().get(parameter.name())
                    : uri.getPathParameters().get(parameter.name());
            if (values != null && values.stream().anyMatch(value -> !converts(value, parameter.type()))) {
                return parameter.name();
            }
        }
        return declared.stream().filter(d -> d.type() != String.class).map(Declared::name).findFirst().orElse("?");
    }

    private static java.util.Optional<Declared> declaration(AnnotatedElement element, Class<?> type) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            return java.util.Optional.of(new Declared(query.value(), type, true));
        }
        PathParam path = element.getAnnotation(PathParam.class);
        return path == null ? java.util.Optional.empty() : java.util.Optional.of(new Declared(path.value(), type, false));
    }

    static boolean converts(String value, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value);
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type == Instant.class) {
                Instant.parse(value);
            } else if (type == boolean.class || type == Boolean.class) {
                return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            } else if (type.isEnum()) {
                return java.util.Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.toString().equalsIgnoreCase(value));
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** For a violation on a resource method's parameter (or a field of its @BeanParam): the parameter's name. */
    static String parameterName(ConstraintViolation<?> violation) {
        Method method = null;
        Parameter parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = method(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
            } else if (node.getKind() == ElementKind.PARAMETER && method != null) {
                parameter = method.getParameters()[node.as(Path.ParameterNode.class).getParameterIndex()];
                String name = name(parameter);
                if (name != null) {
                    return name;
                }
            } else if (node.getKind() == ElementKind.PROPERTY && parameter != null && parameter.isAnnotationPresent(BeanParam.class)) {
                try {
                    return name(parameter.getType().getDeclaredField(node.getName()));
                } catch (NoSuchFieldException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String name(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    /** The declaration carrying the JAX-RS annotations (a CDI subclass overrides the method without them). */
    private static Method method(Class<?> type, Path.MethodNode node) {
        Method found = null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(node.getName(), node.getParameterTypes().toArray(Class[]::new));
                if (java.util.Arrays.stream(method.getParameters()).anyMatch(p -> name(p) != null || p.isAnnotationPresent(BeanParam.class))) {
                    return method;
                }
                found = found == null ? method : found;
            } catch (NoSuchMethodException e) {
                // not declared here: look at the superclass
            }
        }
        return found;
    }
}

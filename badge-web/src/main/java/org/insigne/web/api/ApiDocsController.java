package org.insigne.web.api;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A readable page of the issuer API: its operations as the controllers declare them, and a link to the OpenAPI
 * document springdoc generates from the same controllers. A page of our own rather than Swagger UI, whose
 * bundle needs styles and scripts our Content-Security-Policy does not allow.
 */
@Controller
class ApiDocsController {

    /** One operation: method, path and what it does. */
    record OperationLine(String method, String path, String summary) {
    }

    private final RequestMappingHandlerMapping mappings;

    ApiDocsController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @GetMapping("/api/v1/docs")
    String docs(Model model) {
        model.addAttribute("operations", operations());
        return "api/docs";
    }

    List<OperationLine> operations() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().equals(ApiDocsController.class.getPackageName()))
                .filter(e -> e.getValue().hasMethodAnnotation(Operation.class))
                .flatMap(e -> lines(e.getKey(), e.getValue().getMethodAnnotation(Operation.class)).stream())
                .distinct()
                .sorted(Comparator.comparing(OperationLine::path).thenComparing(OperationLine::method))
                .toList();
    }

    private static List<OperationLine> lines(RequestMappingInfo info, Operation operation) {
        return info.getPatternValues().stream().flatMap(path -> info.getMethodsCondition().getMethods().stream()
                .map(method -> new OperationLine(method.name().toUpperCase(Locale.ROOT), path, operation.summary())))
                .toList();
    }
}

package org.insigne.web.system;

import java.util.List;

import org.insigne.core.error.DomainException;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every controller's business refusals reach a handler: the error page for pages, problem JSON for the API.
 * Asked of the running application, so a controller in a new package is checked without anyone listing it.
 */
@InsigneIntegrationTest
class ExceptionHandlerCoverageIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void sendsEveryControllersRefusalsToThePageOrApiHandler() {
        DomainException refusal = new DomainException(DomainException.Kind.NOT_FOUND, "error.not-found") {
        };
        List<ControllerAdviceBean> advice = ControllerAdviceBean.findAnnotatedBeans(context);
        List<Class<?>> controllers = context.getBeansWithAnnotation(Controller.class).values().stream()
                .<Class<?>>map(ClassUtils::getUserClass)
                .filter(type -> type.getPackageName().startsWith("org.insigne.web"))
                .toList();

        assertThat(controllers).hasSizeGreaterThan(20);
        assertThat(controllers).allSatisfy(controller -> {
            // the issuer API answers problem JSON; the 1EdTech API's own endpoints answer Imsx_StatusInfo
            String expected = controller.getPackageName().equals("org.insigne.web.api") ? "ApiExceptionHandler"
                    : controller.getPackageName().equals("org.insigne.web.ob3api")
                    && controller.isAnnotationPresent(RestController.class) ? "Ob3ApiExceptionHandler"
                    : PageExceptionHandler.class.getSimpleName();
            assertThat(handlerOf(controller, refusal, advice)).as(controller.getName()).isEqualTo(expected);
        });
    }

    /** The advice Spring MVC would pick, as its exception resolver does: the first in order that applies. */
    private static String handlerOf(Class<?> controller, Throwable refusal, List<ControllerAdviceBean> advice) {
        return advice.stream()
                .filter(bean -> bean.isApplicableToBeanType(controller))
                .filter(bean -> bean.getBeanType() != null
                        && new ExceptionHandlerMethodResolver(bean.getBeanType()).resolveMethodByThrowable(refusal) != null)
                .map(bean -> ClassUtils.getUserClass(bean.getBeanType()).getSimpleName())
                .findFirst().orElse("none");
    }
}

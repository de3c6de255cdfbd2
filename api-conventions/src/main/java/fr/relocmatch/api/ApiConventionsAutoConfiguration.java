package fr.relocmatch.api;

import io.swagger.v3.oas.models.OpenAPI;

import org.apache.catalina.core.StandardHost;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every service's REST API answers the same way: problem details, the same OpenAPI head. */
@AutoConfiguration
@ConditionalOnWebApplication
public class ApiConventionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /**
     * Tomcat's own refusals (a request line that is not valid HTTP) answered as problem details:
     * see {@link ProblemErrorReportValve}. Nested, so that the Tomcat types of its signature are
     * looked at only when Tomcat is there.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.valves.ErrorReportValve",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TomcatProblems {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }

    /**
     * The head of the service's OpenAPI document: {@code relocmatch.api.title} (the application
     * name), {@code .description} and {@code .version}, and the problem-details schema.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
    static class ApiDocumentConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OpenAPI apiDocument(@Value("${relocmatch.api.title:${spring.application.name}}") String title,
                @Value("${relocmatch.api.description:}") String description,
                @Value("${relocmatch.api.version:unknown}") String version) {
            return ApiDocument.of(title, description, version);
        }

        @Bean
        OpenApiCustomizer problemSchema() {
            return ApiDocument::addProblem;
        }
    }
}

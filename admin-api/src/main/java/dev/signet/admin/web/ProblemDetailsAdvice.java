package dev.signet.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a controller meets becomes an RFC 9457 problem: Spring MVC's own (unknown path, wrong method, missing or
 * malformed parameter) through {@link ResponseEntityExceptionHandler}, the API's own below, and anything unexpected
 * as a 500 that says nothing about the inside.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                "One or more parameters are not valid.");
        problem.setProperty("errors", e.errors().stream()
                .map(error -> Map.of("parameter", error.parameter(), "detail", error.detail())).toList());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(PreconditionException.class)
    ProblemDetail precondition(PreconditionException e) {
        return e.problem();
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.INVALID_TRANSITION, "Not possible now",
                e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return ResponseEntity.status(e.problem().getStatus()).body(e.problem());
    }

    /** As Spring Security answers for path rules: RFC 6750's challenge, naming the scope, and a problem body. */
    @ExceptionHandler(InsufficientScopeException.class)
    ResponseEntity<ProblemDetail> insufficientScope(InsufficientScopeException e) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, Problems.INSUFFICIENT_SCOPE, "Forbidden",
                e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", error_description=\""
                        + "The request requires higher privileges than provided by the access token.\", scope=\""
                        + e.scope() + "\"")
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed unless the response said so; try again later.");
    }
}

package dev.signet.admin.connectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems only connector management meets. */
@RestControllerAdvice(assignableTypes = ConnectorController.class)
class ConnectorProblems {

    /** A deployment setting is missing, not the operator's request: 503, saying which setting. */
    @ExceptionHandler(ConnectorSecrets.KeyMissingException.class)
    ProblemDetail keyMissing(ConnectorSecrets.KeyMissingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Connector secrets cannot be handled here");
        return problem;
    }
}

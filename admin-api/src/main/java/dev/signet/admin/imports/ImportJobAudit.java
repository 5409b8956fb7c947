package dev.signet.admin.imports;

import dev.signet.bulkimport.BulkImportJob;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.AuditOrigin;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Audit entries of import jobs. The start is the operator's action (written by the upload with
 * {@link dev.signet.admin.audit.OperatorAudit}); the end happens later, on whichever instance ran the job, so it is
 * written by the system component {@code import-job} and names the operator who started it.
 */
final class ImportJobAudit {

    /** An operator started an import job; details: {@code job_id}, {@code file_bytes}, {@code connector}. */
    static final AuditEventType STARTED = new AuditEventType("operator.import_job.started");
    /** An import job read its file to the end: the same type as the command line's run. */
    static final AuditEventType ACCOUNTS_IMPORTED = AuditEventType.OPERATOR_ACCOUNTS_IMPORTED;
    /** An import job failed; details as {@link #ACCOUNTS_IMPORTED} and {@code failure}. */
    static final AuditEventType FAILED = new AuditEventType("operator.import_job.failed");
    /** An operator downloaded a job's report (it holds user_ids); details: {@code job_id}. */
    static final AuditEventType REPORT_DOWNLOADED = new AuditEventType("operator.import_job.report_downloaded");
    static final String COMPONENT = "import-job";

    private final AuditLog auditLog;
    private final Clock clock;

    ImportJobAudit(AuditLog auditLog, Clock clock) {
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void finished(ImportJob job, ImportJobState state, BulkImportJob.Summary counts, Optional<String> failure) {
        Map<String, String> details = new TreeMap<>();
        details.put("job_id", job.id().toString());
        details.put("started_by", job.startedBy());
        details.put("created", Integer.toString(counts.created()));
        details.put("updated", Integer.toString(counts.updated()));
        details.put("unchanged", Integer.toString(counts.unchanged()));
        details.put("rejected", Integer.toString(counts.rejected()));
        details.put("linked", Integer.toString(counts.linked()));
        job.connectorId().ifPresent(connector -> details.put("connector", connector));
        failure.ifPresent(reason -> details.put("failure", reason));
        auditLog.append(new AuditEvent(clock.instant(), Actor.system(COMPONENT),
                state == ImportJobState.SUCCEEDED ? ACCOUNTS_IMPORTED : FAILED, Optional.empty(), AuditOrigin.NONE,
                details));
    }
}

package io.chorus.coding.http;

import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Two writers raced past the If-Match check at the same moment: the later one loses like a stale ETag. */
public class ConcurrentUpdateMapper {

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e) {
        Problem problem = ProblemException.preconditionFailed().toProblem();
        return Response.status(412).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

package io.newsflow.gateway.http;

/** Thrown by gateway code to answer with a problem; the message is the problem's detail. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    this(problem, null);
  }

  public ProblemException(Problem problem, Throwable cause) {
    super(problem.title() + " (" + problem.status() + "): " + problem.detail(), cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}

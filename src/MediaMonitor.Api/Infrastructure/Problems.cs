using Microsoft.AspNetCore.Mvc;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// RFC 7807 answers used across features, so every error reads the same way: as ProblemDetails for the
/// <c>Validate</c>/<c>Before</c> steps of Wolverine endpoints (which write them and stop), and as results for the rest.
/// </summary>
public static class Problems
{
    public static ValidationProblemDetails InvalidDetails(ValidationErrors errors) => new(errors.ToDictionary())
    {
        Status = StatusCodes.Status422UnprocessableEntity, Title = "The request is not valid.", Detail = errors.Summary(),
    };

    public static ProblemDetails ConflictDetails(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict, Title = "The request conflicts with the current state.", Detail = detail,
    };

    public static IResult Invalid(ValidationErrors errors) => Results.Problem(InvalidDetails(errors));

    public static IResult NotFound(string what, object id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"{what} not found.", detail: $"There is no {what.ToLowerInvariant()} with id {id}.");

    public static IResult Conflict(string detail) => Results.Problem(ConflictDetails(detail));

    public static IResult BadRequest(string title, string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}

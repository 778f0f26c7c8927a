namespace MediaMonitor.Infrastructure;

/// <summary>RFC 7807 answers used across features, so every error reads the same way.</summary>
public static class Problems
{
    public static IResult Invalid(ValidationErrors errors) => Results.ValidationProblem(
        errors.ToDictionary(), statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "The request is not valid.", detail: errors.Summary());

    public static IResult NotFound(string what, object id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"{what} not found.", detail: $"There is no {what.ToLowerInvariant()} with id {id}.");

    public static IResult Conflict(string detail) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the current state.", detail: detail);

    public static IResult BadRequest(string title, string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}

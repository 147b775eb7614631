using Paylink.Client;

namespace Paylink.Server.Infrastructure;

/// <summary>A failure the caller is told about in the error envelope. Thrown by handlers; written by <see cref="ApiExceptionHandler"/>.</summary>
public sealed class ApiException(int status, string type, string code, string message, string? param = null, IReadOnlyList<ApiFieldError>? errors = null)
    : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
    public string Code { get; } = code;
    public string? Param { get; } = param;
    public IReadOnlyList<ApiFieldError>? Errors { get; } = errors;

    public static ApiException Invalid(string? param, string message, string code = "parameter_invalid") =>
        new(400, "invalid_request_error", code, message, param);

    public static ApiException Missing(string resource, string id) =>
        new(404, "invalid_request_error", "resource_missing", $"No such {resource}: '{id}'", "id");

    public static ApiException Conflict(string code, string message) =>
        new(409, "invalid_request_error", code, message);

    public static ApiException Unauthorized(string message) =>
        new(401, "authentication_error", "unauthorized", message);
}

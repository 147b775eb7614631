namespace Paylink.Client;

/// <summary>
/// The one exception the client throws for a failed call: an error answer of the API (with its
/// <see cref="StatusCode"/>, <see cref="Type"/>, <see cref="Code"/>, <see cref="Param"/> and
/// <see cref="RequestId"/>), a server that could not be reached (<see cref="StatusCode"/> 0, type
/// <c>api_connection_error</c>), or a webhook that failed verification (<see cref="WebhookVerificationException"/>).
/// Cancelling a call through its <see cref="CancellationToken"/> throws <see cref="OperationCanceledException"/> instead.
/// </summary>
public class PaylinkException : Exception
{
    /// <summary>Creates an exception from an error answer.</summary>
    /// <param name="statusCode">The HTTP status, or 0 when no answer came.</param>
    /// <param name="error">The <c>error</c> object of the answer.</param>
    /// <param name="innerException">What caused it, if anything.</param>
    public PaylinkException(int statusCode, ApiError error, Exception? innerException = null)
        : base(error?.Message, innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The HTTP status of the answer: 400 validation, 401 authentication, 404 unknown id, 409 conflict, 429, 5xx; 0 when no answer came.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// <c>invalid_request_error</c>, <c>authentication_error</c>, <c>card_error</c>, <c>idempotency_error</c>,
    /// <c>rate_limit_error</c> or <c>api_error</c> from the server; <c>api_connection_error</c> when it could not be reached.
    /// </summary>
    public string Type => Error.Type;

    /// <summary>A stable machine code such as <c>parameter_invalid</c>, <c>resource_missing</c> or <c>idempotency_key_in_use</c>.</summary>
    public string? Code => Error.Code;

    /// <summary>The request parameter at fault, for example <c>line_items[0].quantity</c>.</summary>
    public string? Param => Error.Param;

    /// <summary>The server's id of the failed request (its <c>Request-Id</c> header); quote it when asking for help.</summary>
    public string? RequestId => string.IsNullOrEmpty(Error.RequestId) ? null : Error.RequestId;

    /// <summary>Every problem validation found, each with its parameter; empty when there were none.</summary>
    public IReadOnlyList<ApiFieldError> Errors => Error.Errors ?? [];

    /// <summary>The whole <c>error</c> object of the answer.</summary>
    public ApiError Error { get; }
}

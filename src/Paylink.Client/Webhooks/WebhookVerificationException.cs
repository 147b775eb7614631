namespace Paylink.Client;

/// <summary>
/// A webhook delivery that must not be trusted: a header is missing, the signature does not match the
/// body and secret, or the timestamp is outside the tolerance. Answer such a request with a 400.
/// <see cref="PaylinkException.Code"/> says which: <c>missing_header</c>, <c>invalid_secret</c>,
/// <c>invalid_timestamp</c>, <c>timestamp_outside_tolerance</c>, <c>signature_mismatch</c> or <c>invalid_payload</c>.
/// </summary>
public sealed class WebhookVerificationException : PaylinkException
{
    internal WebhookVerificationException(string code, string message, Exception? innerException = null)
        : base(0, new ApiError { Type = "webhook_verification_error", Code = code, Message = message }, innerException)
    {
    }
}

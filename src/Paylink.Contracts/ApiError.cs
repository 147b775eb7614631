namespace Paylink.Client;

/// <summary>The body of every error response: <c>{"error": {...}}</c>.</summary>
public sealed class ApiErrorResponse
{
    /// <summary>The error.</summary>
    public ApiError Error { get; set; } = new();
}

/// <summary>What went wrong, in words for people and codes for programs.</summary>
public sealed class ApiError
{
    /// <summary><c>invalid_request_error</c>, <c>authentication_error</c>, <c>card_error</c>, <c>idempotency_error</c>, <c>rate_limit_error</c> or <c>api_error</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>A stable machine code such as <c>parameter_invalid</c> or <c>resource_missing</c>.</summary>
    public string? Code { get; set; }

    /// <summary>A readable explanation.</summary>
    public string Message { get; set; } = "";

    /// <summary>The request parameter at fault, for example <c>line_items[0].quantity</c>.</summary>
    public string? Param { get; set; }

    /// <summary>Every problem found, when validation found several.</summary>
    public List<ApiFieldError>? Errors { get; set; }

    /// <summary>The id of the request, also sent as the <c>Request-Id</c> header.</summary>
    public string RequestId { get; set; } = "";
}

/// <summary>One validation problem.</summary>
public sealed class ApiFieldError
{
    /// <summary>The parameter at fault.</summary>
    public string Param { get; set; } = "";

    /// <summary>What is wrong with it.</summary>
    public string Message { get; set; } = "";
}

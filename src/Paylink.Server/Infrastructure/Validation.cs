using Paylink.Client;

namespace Paylink.Server.Infrastructure;

/// <summary>Collects every problem with a request, then fails once: the first names <c>code</c>, <c>param</c> and <c>message</c>, all are listed in <c>errors</c>.</summary>
public sealed class Validation
{
    private readonly List<ApiFieldError> _errors = [];
    private string _code = "parameter_invalid";

    public bool HasErrors => _errors.Count > 0;

    public void Add(string param, string message, string code = "parameter_invalid")
    {
        if (_errors.Count == 0)
        {
            _code = code;
        }

        _errors.Add(new ApiFieldError { Param = param, Message = message });
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            var first = _errors[0];
            throw new ApiException(400, "invalid_request_error", _code, first.Message, first.Param, _errors);
        }
    }
}

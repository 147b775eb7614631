namespace Paylink.Server.Infrastructure.Auth;

/// <summary>
/// Authenticates every /api request and fixes its mode. A secret key decides the mode; a
/// <c>livemode</c> query parameter that contradicts it is a 400. Other callers (signed requests of
/// the published Node client) are judged by the <see cref="ICallerAuthenticator"/>s, if any. Failures
/// are counted per address (<see cref="FailedAuthentications"/>).
/// </summary>
public sealed class ApiAuthentication(RequestDelegate next, SecretKeys keys, FailedAuthentications failures)
{
    // Only HttpContext as a parameter: a request outside /api (a page view) resolves nothing.
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        try
        {
            await AuthenticateAsync(context);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status401Unauthorized)
        {
            if (await failures.RefuseAsync(context))
            {
                return;
            }

            throw;
        }

        await next(context);
    }

    private async Task AuthenticateAsync(HttpContext context)
    {
        var caller = context.RequestServices.GetRequiredService<Caller>();

        var livemode = ReadLivemode(context.Request);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiException.Unauthorized("Send your secret key as 'Authorization: Bearer sk_test_…'.");
            }

            var key = await keys.FindAsync(authorization["Bearer ".Length..].Trim(), context.RequestAborted)
                ?? throw ApiException.Unauthorized("Invalid API key provided.");
            if (livemode is { } wanted && wanted != key.Livemode)
            {
                throw ApiException.Invalid("livemode",
                    $"livemode={(wanted ? "true" : "false")} contradicts the {(key.Livemode ? "live" : "test")} key used.", "livemode_mismatch");
            }

            caller.Livemode = key.Livemode;
            caller.Scope = key.Id;
            return;
        }

        foreach (var other in context.RequestServices.GetServices<ICallerAuthenticator>())
        {
            if (await other.TryAuthenticateAsync(context, caller, livemode))
            {
                return;
            }
        }

        throw ApiException.Unauthorized("No API key provided. Send 'Authorization: Bearer sk_test_…'.");
    }

    private static bool? ReadLivemode(HttpRequest request)
    {
        if (!request.Query.TryGetValue("livemode", out var values))
        {
            return null;
        }

        return values.ToString() switch
        {
            "true" => true,
            "false" => false,
            _ => throw ApiException.Invalid("livemode", "livemode must be true or false."),
        };
    }
}

/// <summary>Another way to authenticate a caller (for example a request signature); true when it did.</summary>
public interface ICallerAuthenticator
{
    /// <summary>Throws an <see cref="ApiException"/> (401) when the request claims this scheme but fails it.</summary>
    Task<bool> TryAuthenticateAsync(HttpContext context, Caller caller, bool? livemode);
}

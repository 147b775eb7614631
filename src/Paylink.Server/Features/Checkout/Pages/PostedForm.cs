namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// Reads a hosted page's posted form before its handler runs. A body that is not a form (another content
/// type or none), one the form reader refuses (more than its 1,024 fields, a broken multipart body, too
/// large) and one with a NUL character in a field's name or value are answered with the customer's
/// "could not be read" page and logged as a warning: no handler, and so no database, ever sees them.
/// </summary>
public sealed class PostedForm(CheckoutPages pages, ILogger<PostedForm> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (await RefusalAsync(request) is not { } refusal)
        {
            return await next(context);
        }

        // The reason names the flaw, never a field's value: a form carries card numbers.
        logger.LogWarning("Refused a form post to {Path}: {Reason}", request.Path, refusal.Reason);
        return pages.Message(Strings.For(request), "malformed_form", status: refusal.Status);
    }

    private static async Task<(int Status, string Reason)?> RefusalAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return (StatusCodes.Status400BadRequest, "the body is not a form");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            return (e.StatusCode, e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (StatusCodes.Status400BadRequest, e.Message);
        }

        // The URL-encoded reader refuses a NUL itself; a multipart body's fields are checked here.
        foreach (var (name, values) in form)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                return (StatusCodes.Status400BadRequest, "a field's name or value holds a NUL character");
            }
        }

        return null;
    }
}

using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// A rendered payment page with holes where each response's own tokens go (the anti-forgery field and
/// the form token): the page is rendered once with marks in their place, split at the marks and kept
/// as UTF-8, and every response writes the parts with the tokens between them. Lets a page be rendered
/// once and served many times (<see cref="LinkPageCache"/>).
/// </summary>
public sealed class PageTemplate
{
    /// <summary>
    /// Marks put in the view in place of the tokens: letters and digits only, so rendering leaves them as
    /// they are, and random per process, so no merchant's text can be taken for one.
    /// </summary>
    public static readonly string ForgeryMark = "paylinkforgery" + RandomNumberGenerator.GetHexString(24, lowercase: true);
    public static readonly string TokenMark = "paylinktoken" + RandomNumberGenerator.GetHexString(24, lowercase: true);

    private readonly byte[][] _parts;
    private readonly bool[] _holeIsToken;
    private readonly long _partsLength;

    private PageTemplate(byte[][] parts, bool[] holeIsToken)
    {
        _parts = parts;
        _holeIsToken = holeIsToken;
        _partsLength = parts.Sum(p => (long)p.Length);
    }

    /// <summary>Renders the form page of <paramref name="view"/> (whose tokens are the marks) into a template.</summary>
    public static async Task<PageTemplate> RenderAsync(IServiceProvider services, CheckoutView view)
    {
        await using var renderer = services.GetRequiredService<PageRenderer>().Create();
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<CheckoutPage>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = view }));
            return output.ToHtmlString();
        });
        return Split(html);
    }

    public static PageTemplate Split(string html)
    {
        var parts = new List<byte[]>();
        var holes = new List<bool>();
        var start = 0;
        while (true)
        {
            var forgery = html.IndexOf(ForgeryMark, start, StringComparison.Ordinal);
            var token = html.IndexOf(TokenMark, start, StringComparison.Ordinal);
            if (forgery < 0 && token < 0)
            {
                parts.Add(Encoding.UTF8.GetBytes(html[start..]));
                return new PageTemplate([.. parts], [.. holes]);
            }

            var isToken = forgery < 0 || (token >= 0 && token < forgery);
            var at = isToken ? token : forgery;
            parts.Add(Encoding.UTF8.GetBytes(html[start..at]));
            holes.Add(isToken);
            start = at + (isToken ? TokenMark : ForgeryMark).Length;
        }
    }

    /// <summary>The response: this page with the visitor's anti-forgery token and <paramref name="token"/> filled in (both HTML-encoded).</summary>
    public IResult Respond(int status, string? token) => new Filled(this, status, token);

    private async Task WriteAsync(HttpContext http, int status, string? token)
    {
        var forgery = HtmlEncoder.Default.Encode(http.RequestServices.GetRequiredService<PageForgery>().TokenFor(http));
        var formToken = token is null ? "" : HtmlEncoder.Default.Encode(token);
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";

        var length = _partsLength;
        foreach (var isToken in _holeIsToken)
        {
            length += Encoding.UTF8.GetByteCount(isToken ? formToken : forgery);
        }

        response.ContentLength = length;
        var writer = response.BodyWriter;
        for (var i = 0; i < _parts.Length; i++)
        {
            writer.Write(_parts[i]);
            if (i < _holeIsToken.Length)
            {
                var text = _holeIsToken[i] ? formToken : forgery;
                var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
                writer.Advance(Encoding.UTF8.GetBytes(text, span));
            }
        }

        await writer.FlushAsync(http.RequestAborted);
    }

    private sealed class Filled(PageTemplate template, int status, string? token) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext) => template.WriteAsync(httpContext, status, token);
    }
}

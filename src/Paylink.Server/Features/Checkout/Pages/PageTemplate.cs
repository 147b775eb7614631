using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// A written payment page with holes where each response's own tokens go (the anti-forgery field and
/// the form token), kept as UTF-8: every response writes the page's parts with its tokens between them.
/// Lets a page be written once and served many times (<see cref="LinkPageCache"/>).
/// </summary>
public sealed class PageTemplate
{
    private readonly byte[] _html;
    private readonly (int At, bool IsToken)[] _holes;

    internal PageTemplate(byte[] html, (int At, bool IsToken)[] holes)
    {
        _html = html;
        _holes = holes;
    }

    /// <summary>Writes the form page of <paramref name="view"/> (<see cref="CheckoutPageHtml"/>) with the app's HTML encoder.</summary>
    public static PageTemplate Render(IServiceProvider services, CheckoutView view)
    {
        using var output = new HtmlOutput(services.GetRequiredService<HtmlEncoder>());
        CheckoutPageHtml.Write(output, view);
        return output.ToTemplate();
    }

    /// <summary>The response: this page with the visitor's anti-forgery token and <paramref name="token"/> filled in (both HTML-encoded).</summary>
    public IResult Respond(int status, string? token) => new Filled(this, status, token);

    /// <summary>Writes the page with <paramref name="forgery"/> and <paramref name="token"/> in its holes, HTML-encoded.</summary>
    public void WriteTo(IBufferWriter<byte> writer, string forgery, string? token) => WriteFilled(writer, Filling.Of(forgery, token));

    private void WriteFilled(IBufferWriter<byte> writer, Filling filling)
    {
        var start = 0;
        foreach (var (at, isToken) in _holes)
        {
            writer.Write(_html.AsSpan(start, at - start));
            var text = isToken ? filling.Token : filling.Forgery;
            writer.Advance(Encoding.UTF8.GetBytes(text, writer.GetSpan(isToken ? filling.TokenBytes : filling.ForgeryBytes)));
            start = at;
        }

        writer.Write(_html.AsSpan(start));
    }

    private long LengthWith(Filling filling)
    {
        long length = _html.Length;
        foreach (var (_, isToken) in _holes)
        {
            length += isToken ? filling.TokenBytes : filling.ForgeryBytes;
        }

        return length;
    }

    private async Task WriteAsync(HttpContext http, int status, string? token)
    {
        var filling = Filling.Of(http.RequestServices.GetRequiredService<PageForgery>().TokenFor(http), token);
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
        response.ContentLength = LengthWith(filling);
        WriteFilled(response.BodyWriter, filling);
        await response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    /// <summary>What goes into the holes, HTML-encoded (the same strings when nothing needs encoding), with their UTF-8 lengths.</summary>
    private readonly record struct Filling(string Forgery, int ForgeryBytes, string Token, int TokenBytes)
    {
        public static Filling Of(string forgery, string? token)
        {
            var encodedForgery = HtmlEncoder.Default.Encode(forgery);
            var encodedToken = token is null ? "" : HtmlEncoder.Default.Encode(token);
            return new(encodedForgery, Encoding.UTF8.GetByteCount(encodedForgery), encodedToken, Encoding.UTF8.GetByteCount(encodedToken));
        }
    }

    private sealed class Filled(PageTemplate template, int status, string? token) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext) => template.WriteAsync(httpContext, status, token);
    }
}

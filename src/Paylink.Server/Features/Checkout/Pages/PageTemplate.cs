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

    /// <summary>The page with <paramref name="forgery"/> and <paramref name="token"/> in its holes, HTML-encoded; returns the bytes written.</summary>
    public long WriteTo(IBufferWriter<byte> writer, string forgery, string? token)
    {
        var encodedForgery = HtmlEncoder.Default.Encode(forgery);
        var encodedToken = token is null ? "" : HtmlEncoder.Default.Encode(token);
        var written = 0L;
        var start = 0;
        foreach (var (at, isToken) in _holes)
        {
            writer.Write(_html.AsSpan(start, at - start));
            written += at - start + Write(writer, isToken ? encodedToken : encodedForgery);
            start = at;
        }

        writer.Write(_html.AsSpan(start));
        return written + _html.Length - start;
    }

    /// <summary>How many bytes <see cref="WriteTo"/> writes.</summary>
    private long LengthWith(string forgery, string? token)
    {
        var forgeryBytes = Encoding.UTF8.GetByteCount(HtmlEncoder.Default.Encode(forgery));
        var tokenBytes = token is null ? 0 : Encoding.UTF8.GetByteCount(HtmlEncoder.Default.Encode(token));
        return _html.Length + _holes.Sum(h => (long)(h.IsToken ? tokenBytes : forgeryBytes));
    }

    private static int Write(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var count = Encoding.UTF8.GetBytes(text, span);
        writer.Advance(count);
        return count;
    }

    private async Task WriteAsync(HttpContext http, int status, string? token)
    {
        var forgery = http.RequestServices.GetRequiredService<PageForgery>().TokenFor(http);
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
        response.ContentLength = LengthWith(forgery, token);
        WriteTo(response.BodyWriter, forgery, token);
        await response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private sealed class Filled(PageTemplate template, int status, string? token) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext) => template.WriteAsync(httpContext, status, token);
    }
}

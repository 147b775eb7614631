using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// HTML written straight into UTF-8: markup as given, text and attribute values through the app's
/// <see cref="HtmlEncoder"/> (so no text of a merchant or customer can close a tag or an attribute), and
/// holes where each response's own tokens go (<see cref="PageTemplate"/>). Attributes follow HTML's
/// rules for what a template means: a null value leaves the attribute out, a boolean one is there or not.
/// </summary>
public sealed class HtmlOutput(HtmlEncoder encoder) : IDisposable
{
    private readonly PooledBuffer _buffer = new();
    private readonly List<(int At, bool IsToken)> _holes = [];

    /// <summary>Markup written as it is: only ever the page's own literals.</summary>
    public HtmlOutput Markup(ReadOnlySpan<byte> utf8)
    {
        _buffer.Write(utf8);
        return this;
    }

    /// <summary>Text content, encoded.</summary>
    public HtmlOutput Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Utf8(encoder.Encode(text));
        }

        return this;
    }

    public HtmlOutput Text(long number)
    {
        var span = _buffer.GetSpan(20);
        number.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        _buffer.Advance(written);
        return this;
    }

    /// <summary><c> name="value"</c>, with the value encoded; nothing when the value is null.</summary>
    public HtmlOutput Attr(ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            Open(name);
            Text(value);
            _buffer.Write("\""u8);
        }

        return this;
    }

    public HtmlOutput Attr(ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } number)
        {
            Open(name);
            Text(number);
            _buffer.Write("\""u8);
        }

        return this;
    }

    /// <summary>A boolean attribute (<c> required</c>, <c> selected</c>): there when <paramref name="on"/>.</summary>
    public HtmlOutput Attr(ReadOnlySpan<byte> name, bool on)
    {
        if (on)
        {
            _buffer.Write(" "u8);
            _buffer.Write(name);
        }

        return this;
    }

    /// <summary>Where a response's anti-forgery token (or, with <paramref name="isToken"/>, its form token) goes, HTML-encoded.</summary>
    public HtmlOutput Hole(bool isToken)
    {
        _holes.Add((_buffer.WrittenCount, isToken));
        return this;
    }

    public PageTemplate ToTemplate() => new(ToArray(), [.. _holes]);

    /// <summary>What was written (a page without holes).</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Gives the working buffer back to the pool (what <see cref="ToTemplate"/> made is a copy).</summary>
    public void Dispose() => _buffer.Dispose();

    private void Open(ReadOnlySpan<byte> name)
    {
        _buffer.Write(" "u8);
        _buffer.Write(name);
        _buffer.Write("=\""u8);
    }

    private void Utf8(string text)
    {
        var span = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>A growing buffer on arrays rented from the shared pool: a page is written into it and copied out once.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);

        public int WrittenCount { get; private set; }

        public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, WrittenCount);

        public void Advance(int count) => WrittenCount += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => _array.AsMemory(Reserve(sizeHint));

        public Span<byte> GetSpan(int sizeHint = 0) => _array.AsSpan(Reserve(sizeHint));

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }

        private int Reserve(int sizeHint)
        {
            var needed = WrittenCount + Math.Max(sizeHint, 1);
            if (needed > _array.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
                WrittenSpan.CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_array);
                _array = larger;
            }

            return WrittenCount;
        }
    }
}

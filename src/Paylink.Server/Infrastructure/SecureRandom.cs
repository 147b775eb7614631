using System.Security.Cryptography;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// Cryptographically secure random bytes from the system's generator, drawn a block at a time. A call to
/// the generator costs the same whatever its size, and every payment page view needs random bytes twice
/// (the visitor id, the form token's nonce), so each thread draws 512 bytes at once and hands each byte
/// out once, in order, wiping it as it goes (bench/README.md, "Random bytes and request ids"). Secrets
/// made rarely (API keys, webhook secrets, the signing key) still come straight from
/// <see cref="RandomNumberGenerator"/>.
/// </summary>
public static class SecureRandom
{
    private const int BlockSize = 512;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_remaining;

    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    public static void Fill(Span<byte> destination)
    {
        var block = t_block ??= new byte[BlockSize];
        while (!destination.IsEmpty)
        {
            if (t_remaining == 0)
            {
                RandomNumberGenerator.Fill(block);
                t_remaining = BlockSize;
            }

            var take = Math.Min(t_remaining, destination.Length);
            var source = block.AsSpan(BlockSize - t_remaining, take);
            source.CopyTo(destination);
            source.Clear();
            t_remaining -= take;
            destination = destination[take..];
        }
    }

    /// <summary>
    /// <paramref name="length"/> characters drawn uniformly from <paramref name="alphabet"/> (at most 256
    /// characters): a byte at or above the largest multiple of the alphabet's size is thrown away, so no
    /// character is likelier than another.
    /// </summary>
    public static string GetString(string alphabet, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alphabet.Length, 256);
        return string.Create(length, alphabet, static (chars, alphabet) =>
        {
            var limit = 256 - (256 % alphabet.Length);
            Span<byte> bytes = stackalloc byte[Math.Min(chars.Length, 128)];
            var filled = 0;
            while (filled < chars.Length)
            {
                var draw = bytes[..Math.Min(bytes.Length, chars.Length - filled)];
                Fill(draw);
                foreach (var b in draw)
                {
                    if (b < limit)
                    {
                        chars[filled++] = alphabet[b % alphabet.Length];
                    }
                }
            }

            bytes.Clear();
        });
    }
}

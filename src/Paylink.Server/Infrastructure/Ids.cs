using System.Security.Cryptography;

namespace Paylink.Server.Infrastructure;

/// <summary>Random, URL-safe object ids: a type prefix and 24 base62 characters (about 143 bits).</summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly string ProcessPart = RandomNumberGenerator.GetString(Alphabet, 12);
    private static long _sequence;

    public static string New(string prefix, int length = 24) =>
        prefix + "_" + SecureRandom.GetString(Alphabet, length);

    /// <summary>
    /// An id in the same shape that is unique but not secret: 12 random characters drawn once per
    /// process, then a counter in 12 base62 digits. For request ids, made on every request, where a
    /// draw from the system's random source per request would cost more than the rest of the id's work
    /// (bench/README.md, "Random bytes and request ids").
    /// </summary>
    public static string Sequential(string prefix) =>
        string.Create(prefix.Length + 25, (prefix, number: Interlocked.Increment(ref _sequence)), static (chars, state) =>
        {
            state.prefix.CopyTo(chars);
            chars[state.prefix.Length] = '_';
            ProcessPart.CopyTo(chars[(state.prefix.Length + 1)..]);
            var number = (ulong)state.number;
            for (var i = chars.Length - 1; i >= chars.Length - 12; i--)
            {
                chars[i] = Alphabet[(int)(number % 62)];
                number /= 62;
            }
        });
}

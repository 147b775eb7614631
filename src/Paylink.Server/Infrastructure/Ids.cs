using System.Security.Cryptography;

namespace Paylink.Server.Infrastructure;

/// <summary>Random, URL-safe object ids: a type prefix and 24 base62 characters (about 143 bits).</summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) =>
        prefix + "_" + RandomNumberGenerator.GetString(Alphabet, length);
}

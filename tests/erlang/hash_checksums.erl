-module(hash_checksums).
-export([main/0]).

%% crc32, adler32, md5 and iolist_to_iovec over data built at run time:
%% unaligned slices of binaries, and the MD5 context round trip.
main() ->
    Bin = list_to_binary([I * 7 rem 256 || I <- lists:seq(1, 700)]),
    <<_:3, Odd:600/binary, _/bits>> = Bin,
    Copy = binary:copy(Odd),
    erlang:display([F(D) || F <- [fun erlang:crc32/1, fun erlang:adler32/1],
                            D <- [Odd, [Odd, 1, Odd], Copy]]),
    erlang:display(erlang:md5(Odd) =:= erlang:md5(Copy)),
    erlang:display(hex(erlang:md5([Odd | Odd]))),
    erlang:display([byte_size(B) || B <- erlang:iolist_to_iovec([Odd, <<1, 2>>, Odd])]),
    erlang:display(erlang:iolist_to_iovec([Odd, Odd]) =:= erlang:iolist_to_iovec([Copy, Copy])),
    A = binary:part(Bin, 0, 300),
    B = binary:part(Bin, 300, 400),
    erlang:display(erlang:crc32_combine(erlang:crc32(A), erlang:crc32(B), 400) =:=
                       erlang:crc32(Bin)),
    erlang:display(erlang:adler32_combine(erlang:adler32(A), erlang:adler32(B), 400) =:=
                       erlang:adler32(Bin)),
    erlang:display(erlang:crc32(erlang:crc32(A), B) =:= erlang:crc32(Bin)),
    C0 = erlang:md5_init(),
    erlang:display(byte_size(C0)),
    erlang:display(erlang:md5_final(C0) =:= erlang:md5(<<>>)),
    Ctx = lists:foldl(fun(D, C) -> erlang:md5_update(C, D) end, C0,
                      [Odd, "abc", [], <<>>, [Odd, [1, 2, 3]], Bin]),
    erlang:display(erlang:md5_final(Ctx) =:= erlang:md5([Odd, "abc", Odd, 1, 2, 3, Bin])),
    erlang:display([try erlang:md5_update(X, "a") catch C:R -> {C, R} end
                    || X <- [<<>>, <<C0/binary, 0>>, atom]]),
    ok.

hex(B) -> << <<(hd(integer_to_list(N, 16))):8>> || <<N:4>> <= B >>.

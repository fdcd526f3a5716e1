-module(bs_binary_module2).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(binary:decode_unsigned(id(<<1, 0>>))),
    erlang:display(binary:decode_unsigned(id(<<1, 0>>), little)),
    erlang:display(binary:decode_unsigned(id(<<>>))),
    erlang:display(binary:decode_unsigned(id(<<255, 255, 255, 255, 255, 255, 255, 255, 255>>))),
    erlang:display(binary:decode_unsigned(id(binary:copy(<<171>>, 20)), little)),
    erlang:display(binary:encode_unsigned(id(0))),
    erlang:display(binary:encode_unsigned(id(256))),
    erlang:display(binary:encode_unsigned(id(256), little)),
    erlang:display(binary:encode_unsigned(id(1 bsl 100))),
    erlang:display(binary:encode_unsigned(id(16#123456789ABCDEF0123), little)),
    erlang:display(try binary:encode_unsigned(id(-1)) catch error:R -> {error, R} end),
    [erlang:display(binary:decode_unsigned(binary:encode_unsigned(N)) =:= N) || N <- [0, 1, 255, 1 bsl 64, 12345678901234567890]],
    erlang:display(binary:referenced_byte_size(id(<<"short">>))),
    erlang:display(split_binary(id(<<"abcdef">>), 2)),
    erlang:display(split_binary(id(<<"abcdef">>), 0)),
    erlang:display(split_binary(id(<<"abcdef">>), 6)),
    erlang:display(binary_part(id(<<"abcdef">>), 1, 2)),
    erlang:display(binary_part(id(<<"abcdef">>), {6, -6})),
    erlang:display(binary:bin_to_list(id(<<"xyz">>))),
    erlang:display(crc(id(<<"123456789">>))),
    erlang:display(erlang:crc32(id(<<"123456789">>))),
    erlang:display(erlang:crc32(id(["12345", <<"6789">>]))),
    erlang:display(erlang:crc32(erlang:crc32(<<"12345">>), id(<<"6789">>))),
    erlang:display(erlang:adler32(id(<<"Wikipedia">>))),
    ok.

%% CRC-32 computed bit by bit, to compare with erlang:crc32/1.
crc(Bin) -> crc(Bin, 16#FFFFFFFF) bxor 16#FFFFFFFF.
crc(<<>>, C) -> C;
crc(<<B, R/binary>>, C) -> crc(R, crc_byte(C bxor B, 8)).
crc_byte(C, 0) -> C;
crc_byte(C, N) when C band 1 =:= 1 -> crc_byte((C bsr 1) bxor 16#EDB88320, N - 1);
crc_byte(C, N) -> crc_byte(C bsr 1, N - 1).

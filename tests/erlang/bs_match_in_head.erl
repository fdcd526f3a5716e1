-module(bs_match_in_head).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Packets = [<<1, 0, 4, "ping">>, <<2, 0, 0>>, <<3, 1:1, 5:7, 16#ABCD:16>>, <<3, 0:1, 5:7, 16#ABCD:16>>,
               <<4, 3.5/float>>, <<5, "key=value">>, <<6, 0:3, 7:5>>, <<7>>, <<>>, <<255, 255>>,
               <<1, 0, 10, "short">>, <<8, 16#E2, 16#82, 16#AC, "rest">>],
    [erlang:display(decode(P)) || P <- [id(X) || X <- Packets]],
    erlang:display(checksum(id(<<1, 2, 3, 4, 5, 6, 7, 8, 9>>), 0)),
    ok.

decode(<<1, Len:16, Payload:Len/binary>>) -> {data, Payload};
decode(<<1, Len:16, Rest/binary>>) -> {truncated, Len, byte_size(Rest)};
decode(<<2, 0:16>>) -> empty_data;
decode(<<3, 1:1, Ch:7, Val:16>>) -> {flagged, Ch, Val};
decode(<<3, 0:1, Ch:7, Val:16/little>>) -> {unflagged, Ch, Val};
decode(<<4, F/float>>) -> {float, F};
decode(<<5, KV/binary>>) -> list_to_tuple(binary:split(KV, <<"=">>));
decode(<<6, 0:3, N:5>>) -> {small, N};
decode(<<8, C/utf8, Rest/binary>>) -> {utf8, C, Rest};
decode(<<Type>>) -> {bare_type, Type};
decode(<<>>) -> nothing;
decode(Other) -> {unknown, Other}.

checksum(<<A, B, Rest/binary>>, Acc) -> checksum(Rest, (Acc + (A bsl 8) + B) band 16#FFFF);
checksum(<<A>>, Acc) -> (Acc + (A bsl 8)) band 16#FFFF;
checksum(<<>>, Acc) -> Acc.

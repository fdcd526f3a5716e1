-module(bs_large).
-export([main/0]).

main() ->
    MB = binary:copy(<<"0123456789abcdef">>, 65536),
    erlang:display(byte_size(MB)),
    erlang:display(erlang:crc32(MB)),
    erlang:display(erlang:md5(MB)),
    erlang:display(binary:part(MB, 1048570, 6)),
    erlang:display(count_byte(MB, $a, 0)),
    erlang:display(length(binary:matches(MB, <<"f0">>))),
    Parts = binary:split(MB, <<"abc">>, [global]),
    erlang:display(length(Parts)),
    Sub = binary:part(MB, 100, 200000),
    erlang:display({byte_size(Sub), binary:first(Sub), binary:last(Sub)}),
    Bin2 = << <<(X band 255)>> || X <- lists:seq(1, 300000) >>,
    erlang:display({byte_size(Bin2), erlang:crc32(Bin2)}),
    erlang:display(byte_size(term_to_binary(MB))),
    erlang:display(binary_to_term(term_to_binary(Sub)) =:= Sub),
    erlang:display(erlang:phash2(MB)),
    erlang:display(MB =:= binary:copy(<<"0123456789abcdef">>, 65536)),
    ok.

count_byte(<<C, R/binary>>, C, N) -> count_byte(R, C, N + 1);
count_byte(<<_, R/binary>>, C, N) -> count_byte(R, C, N);
count_byte(<<>>, _, N) -> N.

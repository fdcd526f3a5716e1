-module(bs_iolist).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    IO = id([<<"abc">>, $d, "ef", [[<<"g">>], [], <<>>], [$h | <<"ij">>]]),
    erlang:display(iolist_to_binary(IO)),
    erlang:display(iolist_size(IO)),
    erlang:display(list_to_binary(IO)),
    erlang:display(erlang:iolist_to_iovec(IO)),
    erlang:display(iolist_to_binary(id(<<"just binary">>))),
    erlang:display(iolist_to_binary(id([]))),
    erlang:display(binary_to_list(iolist_to_binary(id([[], [[]], [[[]]]])))),
    Deep = lists:foldl(fun(I, Acc) -> [Acc, integer_to_list(I), $\s] end, [], lists:seq(1, 2000)),
    erlang:display(iolist_size(Deep)),
    erlang:display(erlang:crc32(Deep)),
    erlang:display(erlang:md5(Deep) =:= erlang:md5(iolist_to_binary(Deep))),
    Wide = [<<I:16>> || I <- lists:seq(1, 5000)],
    erlang:display(byte_size(iolist_to_binary(Wide))),
    erlang:display(binary_to_list(id(<<1, 2, 3, 4, 5>>), 2, 4)),
    erlang:display(unicode:characters_to_binary(id([<<"a">>, "b", [99]]))),
    erlang:display(try iolist_to_binary(id([1, 2, foo])) catch error:R -> {error, R} end),
    erlang:display(try iolist_to_binary(id([256])) catch error:R2 -> {error, R2} end),
    erlang:display(try iolist_size(id(foo)) catch error:R3 -> {error, R3} end),
    ok.

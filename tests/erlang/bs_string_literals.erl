-module(bs_string_literals).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(<<"plain">>),
    erlang:display(<<"with\nescapes\t\"and\\">>),
    erlang:display(<<"utf8 ü"/utf8>>),
    erlang:display(<<"latin1 ü">>),
    erlang:display(<<"wide ü€"/utf16>>),
    erlang:display(<<"x"/utf32-little>>),
    erlang:display(<<"a", "b", $c, "de">>),
    erlang:display(<<"">>),
    erlang:display(<<$a:16, "b":8>>),
    erlang:display(<<"\x{41}\101\s\d">>),
    erlang:display(classify(id(<<"GET">>))),
    erlang:display(classify(id(<<"get">>))),
    erlang:display(classify(id(<<"PUT /x">>))),
    erlang:display(classify(id(<<"ü"/utf8>>))),
    erlang:display(<<"abc">> =:= list_to_binary("abc")),
    erlang:display(<<"abc">> == "abc"),
    ok.

classify(<<"GET">>) -> get;
classify(<<"get">>) -> lower_get;
classify(<<"PUT ", Path/binary>>) -> {put, Path};
classify(<<"ü"/utf8>>) -> u_umlaut;
classify(_) -> other.

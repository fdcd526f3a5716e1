-module(hash_md5).
-export([main/0]).

main() ->
    Inputs = [<<>>, <<"a">>, <<"abc">>, <<"message digest">>, <<"abcdefghijklmnopqrstuvwxyz">>,
              binary:copy(<<"1234567890">>, 8), ["io", [<<"list">>], $!], binary:copy(<<0>>, 1000)],
    [erlang:display(hex(erlang:md5(I))) || I <- Inputs],
    C0 = erlang:md5_init(),
    C1 = erlang:md5_update(C0, <<"message ">>),
    C2 = erlang:md5_update(C1, "digest"),
    erlang:display(hex(erlang:md5_final(C2)) =:= hex(erlang:md5(<<"message digest">>))),
    Inc = lists:foldl(fun(B, C) -> erlang:md5_update(C, B) end, erlang:md5_init(), [<<I>> || I <- lists:seq(0, 255)]),
    erlang:display(hex(erlang:md5_final(Inc))),
    erlang:display(hex(erlang:md5(list_to_binary(lists:seq(0, 255))))),
    erlang:display(try erlang:md5(atom) catch error:R -> {error, R} end),
    ok.

hex(B) -> << <<(hd(integer_to_list(N, 16))):8>> || <<N:4>> <= B >>.

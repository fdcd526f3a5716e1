-module(bs_construct_utf).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Cs = [0, $a, 127, 128, 233, 2047, 2048, 8364, 16#FFFF, 16#10000, 16#1F600, 16#10FFFF],
    [erlang:display({C, <<C/utf8>>, <<C/utf16>>, <<C/utf16-little>>, <<C/utf32>>, <<C/utf32-little>>})
     || C <- [id(X) || X <- Cs]],
    erlang:display(<<"héllo"/utf8>>),
    erlang:display(<<"héllo"/utf16>>),
    erlang:display(<<"€"/utf32>>),
    erlang:display(<<"héllo">>),
    erlang:display(<< <<C/utf8>> || C <- id("日本語テキスト") >>),
    erlang:display(try <<(id(16#D800))/utf8>> catch error:R -> {error, R} end),
    erlang:display(try <<(id(16#110000))/utf8>> catch error:R2 -> {error, R2} end),
    erlang:display(try <<(id(-1))/utf16>> catch error:R3 -> {error, R3} end),
    erlang:display(try <<(id(a))/utf32>> catch error:R4 -> {error, R4} end),
    erlang:display(<<1:1, (id($x))/utf8>>),
    ok.
